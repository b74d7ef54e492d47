using System.Text.Json.Serialization;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Handling.Domain;

namespace PetitionPlatform.Handling.Api;

/// <summary>
/// A case as served by <c>GET /api/handling/cases/{caseId}</c> (API.md). <see cref="DueBy"/> is the clock that runs now;
/// the other clocks and the routing mode are extensions of the contract. Times are given in China Standard Time,
/// the time the periods are counted in.
/// </summary>
public sealed record CaseView(
    string CaseId,
    string PetitionId,
    string Stage,
    string OrgId,
    IReadOnlyList<string> CoHandlerOrgIds,
    string Status,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset DueBy,
    ExtensionView? ExtendedBy,
    AnswerView? Answer,
    EvaluationView? Evaluation,
    string Mode,
    bool Confidential,
    DateTimeOffset OpenedAt,
    DateTimeOffset AcceptanceDueBy,
    DateTimeOffset? ReportBackDueBy,
    DateTimeOffset? HandlingDueBy,
    string? AcceptedBy,
    DeclineView? Declined,
    DateTimeOffset? ClosedAt,
    ReviewOfView? ReviewOf,
    ContestedView? Contested,
    IReadOnlyList<FindingView> Findings,
    IReadOnlyList<HearingView> Hearings,
    string? Role = null)
{
    /// <summary>
    /// <c>true</c> when <see cref="DueBy"/> was counted on a year whose State Council holiday notice is not loaded, so
    /// the notice may still move it; absent otherwise.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool DueByProvisional { get; init; }

    /// <summary>The case in a unit's list: <see cref="Role"/> says whether the unit leads or co-handles it.</summary>
    public static CaseView ForUnit(Case c, string orgId) =>
        From(c) with { Role = c.OrgId == orgId ? CaseRoles.Lead : CaseRoles.CoHandler };

    public static CaseView From(Case c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new CaseView(
            c.Id.ToString(),
            c.PetitionId.ToString(),
            c.Stage,
            c.OrgId,
            c.CoHandlerOrgIds,
            c.Status,
            China(c.AcceptedAt),
            China(c.DueBy),
            c.ExtensionDays is { } days ? new ExtensionView(days, c.ExtensionReason!, c.ExtensionApprovedBy!, China(c.ExtendedAt!.Value)) : null,
            c.AnsweredAt is { } answeredAt
                ? new AnswerView(c.Outcome!, c.Opinion!, c.LegalBasis!, China(answeredAt), China(c.ReviewDueBy!.Value))
                : null,
            c.EvaluatedAt is { } evaluatedAt ? new EvaluationView(c.Rating!, China(evaluatedAt)) : null,
            c.Mode,
            c.Confidential,
            China(c.OpenedAt),
            China(c.AcceptanceDueBy),
            China(c.ReportBackDueBy),
            China(c.HandlingDueBy),
            c.AcceptedBy,
            c.DeclinedAt is { } declinedAt ? new DeclineView(c.DeclineReason!, c.DeclineLegalBasis, c.SuggestedOrgId, China(declinedAt)) : null,
            China(c.ClosedAt),
            c.ReviewOfCaseId is { } reviewOf ? new ReviewOfView(reviewOf.ToString(), c.ReviewReason!) : null,
            c.ReviewCaseId is { } reviewCase ? new ContestedView(reviewCase.ToString(), China(c.ReviewRequestedAt!.Value)) : null,
            c.Findings.Select(f => new FindingView(f.OrgId, f.Text, China(f.At))).ToList(),
            c.Hearings.Select(h => new HearingView(h.OrgId, h.StartedOn, h.EndedOn, h.Days, China(h.RecordedAt))).ToList())
        {
            DueByProvisional = c.DueByProvisional,
        };
    }

    private static DateTimeOffset China(DateTimeOffset at) => at.ToOffset(StatutoryCalendar.ChinaOffset);

    private static DateTimeOffset? China(DateTimeOffset? at) => at?.ToOffset(StatutoryCalendar.ChinaOffset);
}

public sealed record ExtensionView(int Days, string Reason, string ApprovedBy, DateTimeOffset At);

public sealed record AnswerView(string Outcome, string Opinion, string LegalBasis, DateTimeOffset At, DateTimeOffset ReviewDueBy);

public sealed record EvaluationView(string Rating, DateTimeOffset At);

public sealed record DeclineView(string Reason, string? LegalBasis, string? SuggestedOrgId, DateTimeOffset At);

/// <summary>On a review or re-review case: the contested case and the petitioner's reasons.</summary>
public sealed record ReviewOfView(string CaseId, string Reason);

/// <summary>On a contested case: the superior's case that reviews the answer, and when the petitioner asked for it.</summary>
public sealed record ContestedView(string ReviewCaseId, DateTimeOffset RequestedAt);

/// <summary>One unit's findings on a jointly handled case.</summary>
public sealed record FindingView(string OrgId, string Findings, DateTimeOffset At);

/// <summary>A hearing (听证) of a review or re-review case: China calendar days, both counted, and when it was recorded.</summary>
public sealed record HearingView(string OrgId, DateOnly StartedOn, DateOnly EndedOn, int Days, DateTimeOffset RecordedAt);

/// <summary>A unit's part in a listed case.</summary>
public static class CaseRoles
{
    public const string Lead = "lead";
    public const string CoHandler = "co-handler";
}
