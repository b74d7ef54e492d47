using PetitionPlatform.Contracts;

namespace PetitionPlatform.Routing.Domain;

/// <summary>
/// The bureaus a matter passes through on its way from the receiving unit to the responsible one: up to the nearest
/// region both share (when the receiver sits in another branch or below), then down, one bureau per level in between.
/// The bureau at the responsible unit's own level is skipped going down: the bureau above hands the matter over directly.
/// </summary>
public static class ChainPath
{
    public static IReadOnlyList<string> Between(OrgDirectory directory, Organization receiver, Organization responsible)
    {
        var from = directory.ChainFromRoot(Region(directory, receiver));
        var to = directory.ChainFromRoot(Region(directory, responsible));
        var shared = 0;
        while (shared < from.Count && shared < to.Count && from[shared].Code == to[shared].Code)
        {
            shared++;
        }

        var path = new List<string> { receiver.Id };
        // Climbing: every level above the receiver up to the shared ancestor (included), nearest first.
        for (var i = from.Count - 2; i >= shared - 1 && i >= 0; i--)
        {
            AddBureau(directory, from[i], path);
        }

        // Descending: every level strictly between the shared ancestor and the responsible unit's region.
        for (var i = shared; i < to.Count - 1; i++)
        {
            AddBureau(directory, to[i], path);
        }

        Add(path, responsible.Id);
        return path;
    }

    private static Region Region(OrgDirectory directory, Organization organization) =>
        directory.FindRegion(organization.RegionCode)
        ?? throw new InvalidOperationException($"Organization {organization.Id} names an unknown region.");

    private static void AddBureau(OrgDirectory directory, Region region, List<string> path)
    {
        if (directory.At(region.Code, Units.PetitionBureau) is { } bureau)
        {
            Add(path, bureau.Id);
        }
    }

    private static void Add(List<string> path, string orgId)
    {
        if (path[^1] != orgId)
        {
            path.Add(orgId);
        }
    }
}
