namespace PetitionPlatform.Supervision.Directory;

/// <summary>A region as routing's directory answers it (<c>GET /api/routing/regions/{code}</c>).</summary>
/// <param name="ParentCode">The region one level up; null for a province (or a municipality such as Chongqing).</param>
public sealed record DirectoryRegion(string Code, string Name, string Level, string? ParentCode);
