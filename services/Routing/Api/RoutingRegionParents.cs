using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Routing.Api;

/// <summary>The region parents of <see cref="Jurisdiction"/>, read from routing's own directory tables.</summary>
public sealed class RoutingRegionParents(RoutingDbContext db) : IRegionParents
{
    public async Task<(bool Known, string? Parent)> FindParentAsync(string regionCode, CancellationToken ct) =>
        await db.Regions.AsNoTracking().Where(r => r.Code == regionCode).Select(r => new { r.ParentCode }).SingleOrDefaultAsync(ct) is { } region
            ? (true, region.ParentCode)
            : (false, null);
}
