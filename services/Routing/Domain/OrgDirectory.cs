namespace PetitionPlatform.Routing.Domain;

/// <summary>
/// An in-memory view of the directory (regions, units, the classification list) that the routing rules walk. It is
/// built from the database in the service and from the seed file in unit tests, so the rules stay pure.
/// </summary>
public sealed class OrgDirectory
{
    private readonly Dictionary<string, Region> _regions;
    private readonly Dictionary<string, Organization> _organizations;
    private readonly Dictionary<string, ClassificationEntry> _topics;
    private readonly HashSet<string> _unitKinds;

    public OrgDirectory(
        IEnumerable<Region> regions, IEnumerable<Organization> organizations, IEnumerable<ClassificationEntry> topics, IEnumerable<UnitKind> unitKinds)
    {
        _regions = regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
        _organizations = organizations.ToDictionary(o => o.Id, StringComparer.Ordinal);
        _topics = topics.ToDictionary(t => t.Topic, StringComparer.Ordinal);
        _unitKinds = unitKinds.Select(u => u.Unit).ToHashSet(StringComparer.Ordinal);
    }

    public Region? FindRegion(string code) => _regions.GetValueOrDefault(code);

    public Organization? FindOrganization(string id) => _organizations.GetValueOrDefault(id);

    public Organization? At(string regionCode, string unit) => _organizations.GetValueOrDefault(Organization.IdOf(regionCode, unit));

    public ClassificationEntry? FindTopic(string topic) => _topics.GetValueOrDefault(topic);

    public bool IsUnitKind(string unit) => _unitKinds.Contains(unit);

    public Region? Parent(Region region) => region.ParentCode is null ? null : FindRegion(region.ParentCode);

    /// <summary>The region and its ancestors, province first.</summary>
    public IReadOnlyList<Region> ChainFromRoot(Region region)
    {
        var chain = new List<Region>();
        for (Region? current = region; current is not null; current = Parent(current))
        {
            chain.Add(current);
        }

        chain.Reverse();
        return chain;
    }

    /// <summary>How many steps down the tree a region is from its province (a province is 0, a Chongqing district 1).</summary>
    public int Depth(Region region) => ChainFromRoot(region).Count - 1;

    /// <summary>The county a place belongs to (itself if it is one); null for a city or a province.</summary>
    public Region? CountyOf(Region region) =>
        ChainFromRoot(region).LastOrDefault(r => r.Level == RegionLevels.County);
}
