using PetitionPlatform.Contracts;

namespace PetitionPlatform.ServiceDefaults.Access;

/// <summary>Where a service learns a region's parent: the directory (routing's own tables, or its client elsewhere).</summary>
public interface IRegionParents
{
    /// <summary>The parent's code (null at the top), or <c>Known = false</c> when the directory has no such region.</summary>
    Task<(bool Known, string? Parent)> FindParentAsync(string regionCode, CancellationToken ct);
}

/// <summary>
/// "Its region and everything below" (ACCESS.md, Jurisdiction): whether a region lies in a caller's subtree, found by
/// walking the directory's parent links, never by the code's prefix alone (Chongqing's districts sit directly under
/// 500000). Below what the directory lists (villages), the code's own parent leads up to a region it knows.
/// </summary>
public sealed class Jurisdiction(IRegionParents regions)
{
    // Village → township → county → city → province, with room to spare: a cycle in bad data cannot loop for ever.
    private const int MaxDepth = 8;

    public async Task<bool> CoversAsync(RegionCode ancestor, string? regionCode, CancellationToken ct)
    {
        var code = regionCode;
        for (var depth = 0; depth < MaxDepth && RegionCode.TryParse(code, out var region); depth++)
        {
            if (region == ancestor)
            {
                return true;
            }

            var (known, parent) = await regions.FindParentAsync(region.Value, ct);
            code = known ? parent : region.ParentByCode?.Value;
        }

        return false;
    }

    /// <summary>Whether the region lies in the subtree of the caller's own organisation's region.</summary>
    public Task<bool> CoversAsync(Caller caller, string? regionCode, CancellationToken ct) => CoversAsync(caller.Org.Region, regionCode, ct);
}
