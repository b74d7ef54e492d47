using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Notification.Templates;

namespace PetitionPlatform.Notification.Domain;

/// <summary>
/// Which lifecycle event produces which messages, for whom, with which values (DOMAIN.md §7). Pure: the consumers
/// load the petition's file, ask here, and store what comes back.
/// </summary>
public static class MessagePlanner
{
    /// <summary>The receipt: the kept copy shows the query code masked; only the delivery carries <paramref name="trackingCode"/>.</summary>
    public static IReadOnlyList<PlannedMessage> ForReceipt(PetitionerReceiptRequested e, string trackingCode) =>
    [
        new(TemplateNames.Receipt, Recipient.PetitionerOf(e.PetitionId),
            Values(("number", e.Number), ("trackingCode", Wording.MaskedTrackingCode(trackingCode))),
            DeliveryOnly: Values(("trackingCode", trackingCode))),
    ];

    public static IReadOnlyList<PlannedMessage> ForRouting(PetitionRouted e, PetitionFile file)
    {
        var confidential = e.Confidential || file.Confidential;
        var petitioner = Recipient.PetitionerOf(e.PetitionId);
        if (e.Mode == RoutingModes.GuideToLegal)
        {
            var legalRoute = Wording.LegalRoute(e.LegalRoute);
            return Guard(confidential, e.ResponsibleOrgId,
            [
                new(TemplateNames.NotAcceptedLegalRoute, petitioner,
                    Values(("number", file.Number), ("legalRoute", legalRoute), ("unit", confidential ? Wording.CompetentAuthority : e.ResponsibleOrgName))),
                new(TemplateNames.LegalProcedure, Recipient.Unit(e.ResponsibleOrgId),
                    Values(("number", file.Number), ("legalRoute", legalRoute), ("unit", e.ResponsibleOrgName))),
            ]);
        }

        // transfer, assign, forward-to-discipline: the unit itself hears of it when handling opens its case.
        return Guard(confidential, e.ResponsibleOrgId,
        [
            new(TemplateNames.Transferred, petitioner,
                Values(("number", file.Number), ("unit", confidential ? Wording.CompetentAuthority : e.ResponsibleOrgName),
                    ("acceptanceDays", StatutoryPeriods.AcceptanceDays.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
        ]);
    }

    public static IReadOnlyList<PlannedMessage> ForCaseOpened(CaseOpened e, PetitionFile file) => Guard(e.Confidential || file.Confidential, e.OrgId,
    [
        new(TemplateNames.NewCase, Recipient.Unit(e.OrgId),
            Values(("number", file.Number), ("stage", Wording.Stage(e.Stage)), ("acceptanceDueBy", Wording.Date(e.AcceptanceDueBy)),
                ("reportBack", Wording.ReportBack(e.Mode == RoutingModes.Assign ? e.ReportBackDueBy : null)))),
    ]);

    public static IReadOnlyList<PlannedMessage> ForCaseAccepted(CaseAccepted e, PetitionFile file) =>
    [
        new(TemplateNames.Accepted, Recipient.PetitionerOf(e.PetitionId),
            Values(("number", file.Number), ("unit", UnitForPetitioner(e.OrgId, e.Confidential, file)), ("handlingDueBy", Wording.Date(e.HandlingDueBy)))),
    ];

    public static IReadOnlyList<PlannedMessage> ForCaseExtended(CaseExtended e, PetitionFile file) =>
    [
        new(TemplateNames.Extended, Recipient.PetitionerOf(e.PetitionId),
            Values(("number", file.Number), ("reason", e.Reason), ("days", e.Days.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("handlingDueBy", Wording.Date(e.HandlingDueBy)))),
    ];

    /// <summary>The petitioner learns the new answer date; the text names the stage (复查/复核), not who was heard.</summary>
    public static IReadOnlyList<PlannedMessage> ForCaseHearingRecorded(CaseHearingRecorded e, PetitionFile file) =>
    [
        new(TemplateNames.HearingHeld, Recipient.PetitionerOf(e.PetitionId),
            Values(("number", file.Number), ("stage", e.Stage == CaseStages.ReReview ? "复核" : "复查"),
                ("startedOn", $"{e.StartedOn.Year}年{e.StartedOn.Month}月{e.StartedOn.Day}日"),
                ("endedOn", $"{e.EndedOn.Year}年{e.EndedOn.Month}月{e.EndedOn.Day}日"), ("dueBy", Wording.Date(e.DueBy)))),
    ];

    public static IReadOnlyList<PlannedMessage> ForCaseAnswered(CaseAnswered e, PetitionFile file)
    {
        var petitioner = Recipient.PetitionerOf(e.PetitionId);
        var common = new[] { ("number", file.Number), ("outcome", Wording.Outcome(e.Outcome)), ("opinion", e.Opinion), ("legalBasis", Wording.OrNone(e.LegalBasis)) };
        if (e.Stage == CaseStages.ReReview)
        {
            return [new(TemplateNames.AnsweredFinal, petitioner, Values(common))];
        }

        return
        [
            new(TemplateNames.Answered, petitioner, Values([.. common,
                ("reviewDueBy", Wording.Date(e.ReviewDueBy)),
                ("reviewBody", Wording.ReviewBody(UnitForPetitioner(e.OrgId, e.Confidential, file))),
                ("reviewKind", Wording.NextReview(e.Stage))])),
        ];
    }

    /// <summary>
    /// A review (复查) or re-review (复核) was opened at the unit above: the petitioner learns who reviews and by when, the
    /// unit that it has the matter to review. A confidential matter names no unit to the petitioner and reaches no other unit.
    /// </summary>
    public static IReadOnlyList<PlannedMessage> ForReviewRequested(ReviewRequested e, PetitionFile file)
    {
        var confidential = e.Confidential || file.Confidential;
        IReadOnlyList<(string Name, string Value)> common =
            [("number", file.Number), ("stage", Wording.Stage(e.Stage)), ("requestedAt", Wording.Date(e.OccurredAt)), ("dueBy", Wording.Date(e.DueBy))];
        return Guard(confidential, e.OrgId,
        [
            new(TemplateNames.ReviewOpened, Recipient.PetitionerOf(e.PetitionId),
                Values([.. common, ("unit", confidential ? Wording.CompetentAuthority : file.NameOf(e.OrgId))])),
            new(TemplateNames.ReviewOpened, Recipient.Unit(e.OrgId), Values([.. common, ("unit", file.NameOf(e.OrgId))])),
        ]);
    }

    /// <summary>The petitioner is told the matter is concluded and that the same facts will not be accepted again.</summary>
    public static IReadOnlyList<PlannedMessage> ForTerminated(PetitionTerminated e, PetitionFile file) =>
    [
        new(TemplateNames.Terminated, Recipient.PetitionerOf(e.PetitionId),
            Values(("number", file.Number), ("terminatedAt", Wording.Date(e.OccurredAt)),
                ("how", Wording.Termination(e.Reason, file.Confidential ? Wording.CompetentAuthority : file.NameOf(e.OrgId), e.RecordNumber)))),
    ];

    /// <summary>
    /// Tells the unit whose routing decision is being declined. The caller makes sure that decision is on file: without
    /// it there is nobody to tell yet.
    /// </summary>
    public static IReadOnlyList<PlannedMessage> ForCaseDeclined(CaseDeclined e, PetitionFile file)
    {
        var decision = file.DecisionSendingTo(e.OrgId)
            ?? throw new InvalidOperationException($"No routing decision on file sent petition {e.PetitionId} to {e.OrgId}.");
        return Guard(e.Confidential || file.Confidential, e.OrgId,
        [
            new(TemplateNames.DeclinedReturned, Recipient.Unit(decision.DecidedBy),
                Values(("number", file.Number), ("declinedBy", file.NameOf(e.OrgId)), ("reason", e.Reason),
                    ("suggestion", Wording.Suggestion(e.SuggestedOrgId is null ? null : file.NameOf(e.SuggestedOrgId))))),
        ]);
    }

    public static IReadOnlyList<PlannedMessage> ForRoutingDecisionRequired(RoutingDecisionRequired e, PetitionFile file) =>
        Guard(e.Confidential || file.Confidential, e.OrgId,
        [
            new(TemplateNames.RoutingDecisionRequired, Recipient.Unit(e.DeciderOrgId),
                Values(("number", file.Number), ("declinedBy", file.NameOf(e.OrgId)), ("reason", e.Reason))),
        ]);

    /// <summary>
    /// The lead unit of a joint case learns that a co-handler added findings, and where to read them: the document says
    /// who and how many, never what (the event carries no text, and the findings stay with handling). A unit recording
    /// its own findings on its own case is not told of it; the petitioner never is, the findings are the units' working notes.
    /// </summary>
    public static IReadOnlyList<PlannedMessage> ForFindingsAdded(CaseFindingsAdded e, PetitionFile file) =>
        e.ByOrgId == e.OrgId
            ? []
            : Guard(e.Confidential || file.Confidential, e.OrgId,
            [
                new(TemplateNames.FindingsAdded, Recipient.Unit(e.OrgId),
                    Values(("number", file.Number), ("stage", Wording.Stage(e.Stage)), ("byUnit", file.NameOf(e.ByOrgId)),
                        ("findingsCount", e.FindingsCount.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
            ]);

    /// <summary>
    /// A holiday notice loaded at run time moved a running clock: the unit that owes the acceptance decision or the answer
    /// is told its new date; the petitioner, whose own window to ask for a review moved, is told that.
    /// </summary>
    public static IReadOnlyList<PlannedMessage> ForDueDateChanged(DueDateChanged e, PetitionFile file)
    {
        var common = new[]
        {
            ("number", file.Number), ("year", e.NoticeYear.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("reference", e.NoticeReference),
            ("previousDueBy", Wording.Date(e.PreviousDueBy)), ("dueBy", Wording.Date(e.DueBy)),
        };
        if (e.Clock == DueDateClocks.ReviewRequest)
        {
            return [new(TemplateNames.ReviewWindowChanged, Recipient.PetitionerOf(e.PetitionId),
                Values([.. common, ("reviewKind", Wording.NextReview(e.Stage ?? CaseStages.Original))]))];
        }

        if (e.Clock == DueDateClocks.DisputeDecision)
        {
            // The superior that settles the dispute is the one unit it concerns, and the matter's only addressee now.
            return Guard(e.Confidential || file.Confidential, e.OrgId,
                [new(TemplateNames.DisputeDateChanged, Recipient.Unit(e.OrgId), Values(common))]);
        }

        return Guard(e.Confidential || file.Confidential, e.OrgId,
        [
            new(TemplateNames.DueDateChanged, Recipient.Unit(e.OrgId),
                Values([.. common, ("stage", Wording.Stage(e.Stage ?? CaseStages.Original)), ("clock", Wording.Clock(e.Clock, e.Stage ?? CaseStages.Original))])),
        ]);
    }

    /// <summary>
    /// The confidentiality rule (Regulation art. 23): a confidential matter is never written to any unit but the
    /// responsible one. The petitioner is still told.
    /// </summary>
    public static IReadOnlyList<PlannedMessage> Guard(bool confidential, string responsibleOrgId, IReadOnlyList<PlannedMessage> planned) =>
        confidential
            ? [.. planned.Where(m => !m.Recipient.IsUnit || m.Recipient.Key == responsibleOrgId)]
            : planned;

    private static string UnitForPetitioner(string orgId, bool confidential, PetitionFile file) =>
        confidential || file.Confidential ? Wording.CompetentAuthority : file.NameOf(orgId);

    private static Dictionary<string, string> Values(params IEnumerable<(string Name, string Value)> values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}
