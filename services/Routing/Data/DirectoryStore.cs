using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.Routing.Data;

/// <summary>Reads the whole directory for the routing rules; <see cref="DirectoryCache"/> is its only caller.</summary>
internal static class DirectoryStore
{
    public static async Task<OrgDirectory> LoadDirectoryAsync(this RoutingDbContext db, CancellationToken cancellationToken) => new(
        await db.Regions.AsNoTracking().ToListAsync(cancellationToken),
        await db.Organizations.AsNoTracking().ToListAsync(cancellationToken),
        await db.ClassificationEntries.AsNoTracking().ToListAsync(cancellationToken),
        await db.UnitKinds.AsNoTracking().ToListAsync(cancellationToken));
}
