using System.Text.Json;
using PetitionPlatform.Contracts;
using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.Routing.Data.Seed;

/// <summary>
/// The demo directory of DOMAIN.md §9 as shipped in <c>directory.json</c>: regions, unit kinds (with the levels they
/// exist at), and the classification list. Units are not listed one by one: every region gets every unit kind of
/// its level, named by region name + unit name (沽源县 + 司法局), which is how the real names are formed.
/// </summary>
public sealed record DirectorySeed(
    IReadOnlyList<DirectorySeed.RegionSeed> Regions,
    IReadOnlyList<DirectorySeed.UnitKindSeed> UnitKinds,
    IReadOnlyList<DirectorySeed.TopicSeed> Topics)
{
    // Subdistricts (街道) have an office (办事处) where towns have a government (人民政府).
    private const string Subdistrict = "街道";

    public sealed record RegionSeed(string Code, string Name, string Level, string? ParentCode);

    /// <param name="LevelNames">Where a level's unit is called differently (高级人民法院 at province level).</param>
    /// <param name="SubdistrictName">The name a township-level unit takes in a subdistrict.</param>
    public sealed record UnitKindSeed(
        string Unit, string Name, IReadOnlyList<string> Levels, IReadOnlyDictionary<string, string>? LevelNames, string? SubdistrictName);

    public sealed record TopicSeed(string Topic, string Name, string Kind, string Unit, string? FallbackUnit, bool UnitFromSubtopic, string? Note);

    /// <summary>The seed embedded in the service.</summary>
    public static DirectorySeed Load()
    {
        using var stream = typeof(DirectorySeed).Assembly.GetManifestResourceStream($"{typeof(DirectorySeed).Namespace}.directory.json")
            ?? throw new InvalidOperationException("The directory seed is not embedded in the routing service.");
        return JsonSerializer.Deserialize<DirectorySeed>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The directory seed is empty.");
    }

    public IReadOnlyList<Region> ToRegions() =>
        [.. Regions.Select(r => new Region { Code = r.Code, Name = r.Name, Level = r.Level, ParentCode = r.ParentCode })];

    public IReadOnlyList<UnitKind> ToUnitKinds() => [.. UnitKinds.Select(u => new UnitKind { Unit = u.Unit, Name = u.Name })];

    public IReadOnlyList<ClassificationEntry> ToClassification() =>
    [
        .. Topics.Select(t => new ClassificationEntry
        {
            Topic = t.Topic, Name = t.Name, Kind = t.Kind, Unit = t.Unit, FallbackUnit = t.FallbackUnit, UnitFromSubtopic = t.UnitFromSubtopic, Note = t.Note,
        }),
    ];

    /// <summary>Every unit of every region, with its composed name and its parent (see <see cref="Organization.ParentId"/>).</summary>
    public IReadOnlyList<Organization> ToOrganizations()
    {
        var regions = Regions.ToDictionary(r => r.Code);
        var exists = Regions
            .SelectMany(r => UnitKinds.Where(u => u.Levels.Contains(r.Level)).Select(u => Organization.IdOf(r.Code, u.Unit)))
            .ToHashSet(StringComparer.Ordinal);

        string? ParentOf(RegionSeed region, string unit)
        {
            if (region.ParentCode is not { } parent)
            {
                return null;
            }

            var same = Organization.IdOf(parent, unit);
            return exists.Contains(same) ? same : Organization.IdOf(parent, Units.PetitionBureau);
        }

        return
        [
            .. from region in Regions
               from kind in UnitKinds
               where kind.Levels.Contains(region.Level)
               select new Organization
               {
                   Id = Organization.IdOf(region.Code, kind.Unit),
                   Name = region.Name + NameAt(kind, region),
                   RegionCode = region.Code,
                   Level = region.Level,
                   Unit = kind.Unit,
                   ParentId = ParentOf(region, kind.Unit),
               },
        ];
    }

    public OrgDirectory ToDirectory() => new(ToRegions(), ToOrganizations(), ToClassification(), ToUnitKinds());

    private static string NameAt(UnitKindSeed kind, RegionSeed region) =>
        region.Name.EndsWith(Subdistrict, StringComparison.Ordinal) && kind.SubdistrictName is { } office ? office
        : kind.LevelNames?.GetValueOrDefault(region.Level) ?? kind.Name;
}
