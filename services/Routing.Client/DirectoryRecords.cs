namespace PetitionPlatform.Routing.Client;

// What routing's directory endpoints answer with (API.md, "Directory"). Routing serialises these very records and the
// client reads them back, so the wire format has one owner; add fields, never rename them.

/// <summary>A region (<c>GET /api/routing/regions/{code}</c>).</summary>
/// <param name="ParentCode">The region one level up; null for a province (or a municipality such as Chongqing).</param>
public sealed record DirectoryRegion(string Code, string Name, string Level, string? ParentCode);

/// <summary>A unit (<c>GET /api/routing/organizations/{regionCode}/{unit}</c>).</summary>
/// <param name="ParentId">The same unit one level up, or the petition bureau one level up; null at province level.</param>
public sealed record DirectoryOrganization(string Id, string Name, string RegionCode, string Level, string Unit, string? ParentId);

/// <summary>A line of the classification list (<c>GET /api/routing/topics/{topic}</c>).</summary>
/// <param name="UnitFromSubtopic">Suggestions go to the department their sub-topic names.</param>
public sealed record DirectoryTopic(string Topic, string Name, string Kind, string Unit, string? FallbackUnit, bool UnitFromSubtopic, string? Note);
