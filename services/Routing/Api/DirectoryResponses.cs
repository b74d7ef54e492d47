using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.Routing.Api;

public sealed record RegionResponse(string Code, string Name, string Level, string? ParentCode)
{
    public static RegionResponse From(Region r) => new(r.Code, r.Name, r.Level, r.ParentCode);
}

public sealed record OrganizationResponse(string Id, string Name, string RegionCode, string Level, string Unit, string? ParentId)
{
    public static OrganizationResponse From(Organization o) => new(o.Id, o.Name, o.RegionCode, o.Level, o.Unit, o.ParentId);
}

/// <summary>A line of the classification list; <c>unitFromSubtopic</c> marks suggestions that go where their sub-topic says.</summary>
public sealed record TopicResponse(string Topic, string Name, string Kind, string Unit, string? FallbackUnit, bool UnitFromSubtopic, string? Note)
{
    public static TopicResponse From(ClassificationEntry t) => new(t.Topic, t.Name, t.Kind, t.Unit, t.FallbackUnit, t.UnitFromSubtopic, t.Note);
}
