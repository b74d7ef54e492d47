using System.Text.Json.Serialization;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Api;

/// <summary>A supervision notice as the ledger and the notices list show it (API.md "Supervision", extended).</summary>
/// <param name="Stage">The clock's stage, or for an alert the warning rule.</param>
/// <param name="Level">Present for escalations: the step up the chain.</param>
public sealed record NoticeResponse(
    string Id,
    string Kind,
    string PetitionId,
    string OrgId,
    IReadOnlyList<string> CopiedToOrgIds,
    string Reason,
    DateTimeOffset IssuedAt,
    string Stage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CaseId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? DueBy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Level,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Leader)
{
    public static NoticeResponse From(SupervisionNotice notice) => new(
        notice.Id.ToString(), notice.Kind, notice.PetitionId.ToString(), notice.OrgId, notice.CopiedToOrgIds, notice.Reason,
        notice.IssuedAt.InChina(), notice.Stage, notice.CaseId?.ToString(), notice.DueBy.InChina(),
        notice.Kind == NoticeKinds.Escalation ? notice.Level : null, notice.Leader);
}
