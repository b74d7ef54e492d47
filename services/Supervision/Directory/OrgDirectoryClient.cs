using PetitionPlatform.Routing.Client;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Directory;

/// <summary>A unit's chain of superiors, read from routing's directory: who is copied and who receives escalations.</summary>
public sealed class OrgDirectoryClient(RoutingDirectory directory)
{
    /// <summary>Guards against a directory whose parents loop; real chains have at most four levels.</summary>
    private const int MaxDepth = 8;

    /// <summary>
    /// The unit, then its superiors up to province level. A unit the directory does not know stands alone. Throws
    /// <see cref="DirectoryUnavailableException"/> when routing cannot answer.
    /// </summary>
    public async Task<OrgChain> ChainAsync(string orgId, CancellationToken ct)
    {
        var units = new List<string> { orgId };
        var current = await directory.FindOrganizationAsync(orgId, ct);
        while (current?.ParentId is { } parent && units.Count < MaxDepth && !units.Contains(parent))
        {
            units.Add(parent);
            current = await directory.FindOrganizationAsync(parent, ct);
        }

        return new OrgChain(units);
    }
}
