using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Routing.Client;

/// <summary>The region parents of <see cref="Jurisdiction"/>, read from routing's directory through its (cached) client.</summary>
public sealed class DirectoryRegionParents(RoutingDirectory directory) : IRegionParents
{
    public async Task<(bool Known, string? Parent)> FindParentAsync(string regionCode, CancellationToken ct) =>
        await directory.FindRegionAsync(regionCode, ct) is { } region ? (true, region.ParentCode) : (false, null);
}
