using PetitionPlatform.Routing.Client;
using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.Routing.Api;

/// <summary>The directory's entries as its endpoints answer them: the records of routing's own client.</summary>
internal static class DirectoryResponses
{
    public static DirectoryRegion ToResponse(this Region r) => new(r.Code, r.Name, r.Level, r.ParentCode);

    public static DirectoryOrganization ToResponse(this Organization o) => new(o.Id, o.Name, o.RegionCode, o.Level, o.Unit, o.ParentId);

    public static DirectoryTopic ToResponse(this ClassificationEntry t) =>
        new(t.Topic, t.Name, t.Kind, t.Unit, t.FallbackUnit, t.UnitFromSubtopic, t.Note);
}
