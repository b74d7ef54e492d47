namespace PetitionPlatform.Contracts;

/// <summary>
/// Supervision issued a notice to a unit about one petition, so that notification can deliver it (to
/// <paramref name="OrgId"/> and each of <paramref name="CopiedToOrgIds"/>). Ids, dates and a reason in words only: no
/// personal data, and for a confidential matter neither copies nor escalations (only the responsible unit hears of it).
/// </summary>
/// <param name="Kind"><c>reminder</c> (deadline within seven days), <c>overdue</c> (督办单), <c>escalation</c> (still overdue after the grace, one level up per grace) or <c>alert</c> (early warning).</param>
/// <param name="OrgId">The recipient.</param>
/// <param name="CopiedToOrgIds">Units that receive a copy (the recipient's superior, the unit that is late, …).</param>
/// <param name="Stage">The clock a deadline notice is about (<c>intake-decision</c>, <c>acceptance</c>, <c>handling</c>, <c>report-back</c>), or the warning rule of an alert (<c>collective-petition</c>, <c>topic-spike</c>).</param>
/// <param name="CaseId">The case whose clock it is; null for the petition's own intake clock and for alerts.</param>
/// <param name="DueBy">The deadline a deadline notice is about.</param>
/// <param name="Level">0 for reminders, overdue notices and alerts; 1, 2, … for each escalation up the chain.</param>
/// <param name="Leader">The leader who took the matter on (包案), when one did, as recorded.</param>
/// <param name="OccurredAt">When the notice was issued (the instant the evaluation ran as of).</param>
public sealed record SupervisionNoticeIssued(
    Guid PetitionId,
    Guid NoticeId,
    string Kind,
    string OrgId,
    IReadOnlyList<string> CopiedToOrgIds,
    string Stage,
    Guid? CaseId,
    DateTimeOffset? DueBy,
    int Level,
    string Reason,
    string? Leader,
    DateTimeOffset OccurredAt) : IPetitionEvent;
