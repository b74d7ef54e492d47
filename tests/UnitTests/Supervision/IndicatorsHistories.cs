using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Supervision.Domain.Indicators;

namespace PetitionPlatform.UnitTests.Supervision;

/// <summary>One generated case: each instant is null when the step did not happen.</summary>
internal sealed record GeneratedCase(
    Guid CaseId, string OrgId, string Mode, DateTimeOffset OpenedAt, DateTimeOffset? DeclinedAt, DateTimeOffset? AcceptedAt,
    int ExtensionDays, DateTimeOffset? AnsweredAt, string? Rating, DateTimeOffset? ReviewRequestedAt)
{
    public DateTimeOffset AcceptanceDueBy => StatutoryCalendar.China.DueBy(OpenedAt, 15);

    public DateTimeOffset? ReportBackDueBy => Mode == RoutingModes.Assign ? StatutoryCalendar.China.DueBy(OpenedAt, 75) : null;

    public DateTimeOffset? HandlingDueBy => AcceptedAt is { } at ? StatutoryCalendar.China.DueBy(at, 60 + ExtensionDays) : null;
}

/// <summary>One generated petition, kept as plain facts from which both its events and the expected figures are derived.</summary>
internal sealed record GeneratedPetition(
    Guid PetitionId, string RegionCode, string Channel, DateTimeOffset RegisteredAt, DateTimeOffset? RoutedAt, string? Mode,
    GeneratedCase? Case, Guid? RepeatOf, bool RepeatedLater)
{
    public DateTimeOffset IntakeDueBy => StatutoryCalendar.China.DueBy(RegisteredAt, 15);

    public PetitionHistory History(bool withEvents = true) =>
        new(PetitionId, RegionCode, Channel, RegisteredAt, RepeatOf, RepeatedLater, withEvents ? Events().ToList() : []);

    public IEnumerable<IPetitionEvent> Events()
    {
        var county = RegionCode[..6];
        var bureau = $"{county}/petition-bureau";
        yield return new PetitionRegistered(PetitionId, $"{county}-{RegisteredAt:yyyyMMdd}-{PetitionId.ToString()[..5]}", Channel,
            "complaint", "wage-arrears", RegionCode, bureau, 1, RegisteredAt, TrackingCodes.Hash(PetitionId.ToString("N")));
        if (RoutedAt is not { } routed || Mode is null)
        {
            yield break;
        }

        var to = Case?.OrgId ?? $"{county}/court";
        yield return new PetitionRouted(PetitionId, bureau, Mode, to, to, [bureau, to], [], "generated", false, 0,
            Case?.ReportBackDueBy, Mode == RoutingModes.GuideToLegal ? "litigation" : null, routed);
        if (Case is not { } c)
        {
            yield break;
        }

        yield return new CaseOpened(PetitionId, c.CaseId, c.OrgId, CaseStages.Original, c.Mode, c.AcceptanceDueBy, c.ReportBackDueBy, false, c.OpenedAt);
        if (c.DeclinedAt is { } declined)
        {
            yield return new CaseDeclined(PetitionId, c.CaseId, c.OrgId, CaseStages.Original, "not ours", null, null, false, declined);
        }

        if (c.AcceptedAt is not { } accepted)
        {
            yield break;
        }

        yield return new CaseAccepted(PetitionId, c.CaseId, c.OrgId, CaseStages.Original, "officer", StatutoryCalendar.China.DueBy(accepted, 60), false, accepted);
        if (c.ExtensionDays > 0)
        {
            yield return new CaseExtended(PetitionId, c.CaseId, c.OrgId, c.ExtensionDays, "more time", "head", c.HandlingDueBy!.Value, accepted.AddHours(1));
        }

        if (c.AnsweredAt is not { } answered)
        {
            yield break;
        }

        yield return new CaseAnswered(PetitionId, c.CaseId, c.OrgId, CaseStages.Original, Outcomes.Explain, "answer", "basis",
            StatutoryCalendar.China.DueBy(answered, 30), false, answered);
        if (c.Rating is { } rating)
        {
            yield return new CaseEvaluated(PetitionId, c.CaseId, c.OrgId, CaseStages.Original, rating, answered.AddDays(2));
        }

        if (c.ReviewRequestedAt is { } review)
        {
            yield return new ReviewRequested(PetitionId, Guid.NewGuid(), $"{county[..4]}00/hrss", CaseStages.Review, c.CaseId, c.OrgId,
                StatutoryCalendar.China.DueBy(review, 30), false, review);
        }
    }
}

/// <summary>
/// Random histories of petitions in Zhangjiakou (Guyuan and its towns, two counties the demo directory does not list,
/// the city itself) and Chongqing: channels, routing (some never, some to the court), acceptance on time or late or
/// never, declines, extensions, answers before or after their deadline, evaluations, reviews and repeats.
/// </summary>
internal static class IndicatorsHistories
{
    public static readonly string[] Regions = ["130724", "130724100", "130724102", "130702", "130723", "130700", "500112", "500116010"];

    private static readonly string[] s_channels = ["online", "letter", "visit", "phone", "sms", "hotline", "qr-code"];

    /// <param name="notAfter">Steps that would happen after this instant have not happened (yet).</param>
    public static List<GeneratedPetition> Generate(Random random, int count, DateTimeOffset firstDay, int days, DateTimeOffset notAfter, bool withReviewsAndRepeats)
    {
        DateTimeOffset? Happened(DateTimeOffset at) => at <= notAfter ? at : null;
        var petitions = new List<GeneratedPetition>();
        for (var i = 0; i < count; i++)
        {
            var registered = firstDay.AddMinutes(random.Next(days * 24 * 60)).AddSeconds(random.Next(60));
            var region = Regions[random.Next(Regions.Length)];
            var channel = s_channels[random.Next(s_channels.Length)];
            var repeatOf = withReviewsAndRepeats && random.Next(8) == 0 ? Guid.NewGuid() : (Guid?)null;
            var repeatedLater = withReviewsAndRepeats && random.Next(10) == 0;
            var routed = random.Next(10) == 0 ? null : Happened(registered.AddHours(random.Next(1, 24 * 22)));
            string? mode = routed is null ? null : random.Next(10) switch { 0 => RoutingModes.GuideToLegal, 1 or 2 => RoutingModes.Assign, _ => RoutingModes.Transfer };
            GeneratedCase? @case = null;
            if (routed is { } at && mode != RoutingModes.GuideToLegal)
            {
                var decided = random.Next(8) == 0 ? null : Happened(at.AddHours(random.Next(1, 24 * 26)));
                var declined = decided is not null && random.Next(8) == 0;
                var accepted = declined ? null : decided;
                // The extension is granted an hour after acceptance, before any answer (answers come a day or more later).
                var extension = accepted is { } acc && random.Next(4) == 0 && Happened(acc.AddHours(1)) is not null ? random.Next(1, 31) : 0;
                var answered = accepted is { } a && random.Next(5) != 0 ? Happened(a.AddHours(random.Next(24, 24 * 100))) : null;
                var rating = answered is { } ans && random.Next(10) < 7 && Happened(ans.AddDays(2)) is not null
                    ? Ratings.All[random.Next(Ratings.All.Count)] : null;
                var review = withReviewsAndRepeats && answered is { } r && random.Next(6) == 0 ? Happened(r.AddDays(5)) : null;
                @case = new GeneratedCase(Guid.NewGuid(), $"{region[..6]}/hrss", mode!, at, declined ? decided : null, accepted,
                    extension, answered, rating, review);
            }

            petitions.Add(new GeneratedPetition(Guid.NewGuid(), region, channel, registered, routed, mode, @case, repeatOf, repeatedLater));
        }

        return petitions;
    }

    /// <summary>The region directly below <paramref name="regionCode"/> on the way to <paramref name="matterRegion"/>, written out for the demo regions.</summary>
    public static string? ChildOf(string regionCode, string matterRegion) => (regionCode, matterRegion) switch
    {
        ("130000", _) when matterRegion.StartsWith("1307", StringComparison.Ordinal) => "130700",
        ("130700", "130700") => null,
        ("130700", _) when matterRegion.StartsWith("1307", StringComparison.Ordinal) => matterRegion[..6],
        ("130724", "130724") => null,
        ("130724", _) when matterRegion.StartsWith("130724", StringComparison.Ordinal) => matterRegion,
        ("500000", _) when matterRegion.StartsWith("50", StringComparison.Ordinal) => matterRegion[..6],
        _ => throw new ArgumentException($"{matterRegion} is not below {regionCode} in the generated regions."),
    };

    public static bool IsUnder(string regionCode, string matterRegion) => regionCode switch
    {
        "130000" => matterRegion.StartsWith("13", StringComparison.Ordinal),
        "130700" => matterRegion.StartsWith("1307", StringComparison.Ordinal),
        "130724" => matterRegion.StartsWith("130724", StringComparison.Ordinal),
        "500000" => matterRegion.StartsWith("50", StringComparison.Ordinal),
        _ => matterRegion == regionCode,
    };

    /// <summary>The chains as routing's directory gives them (the two unlisted counties by their code).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Chains { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["130724"] = ["130724", "130700", "130000"],
        ["130724100"] = ["130724100", "130724", "130700", "130000"],
        ["130724102"] = ["130724102", "130724", "130700", "130000"],
        ["130702"] = ["130702", "130700", "130000"],
        ["130723"] = ["130723", "130700", "130000"],
        ["130700"] = ["130700", "130000"],
        ["500112"] = ["500112", "500000"],
        ["500116010"] = ["500116010", "500116", "500000"],
    };
}

/// <summary>
/// The indicators worked out the plain way from the generated facts, without the ledger projection or the service's
/// rules: the figure the service must reproduce.
/// </summary>
internal static class IndicatorsByHand
{
    private static bool Satisfied(string? rating) => rating is "satisfied" or "basically-satisfied";

    public static IndicatorSet Of(IReadOnlyCollection<GeneratedPetition> petitions, DateTimeOffset asOf)
    {
        int timely = 0, acceptances = 0, onTime = 0, handlings = 0, evaluated = 0, answered = 0, satisfied = 0;
        int resolvedAtOnce = 0, repeats = 0, online = 0, overdue = 0, overdueResolved = 0;
        foreach (var p in petitions)
        {
            repeats += p.RepeatOf is null ? 0 : 1;
            online += p.Channel is "online" or "qr-code" ? 1 : 0;
            // Every deadline of the petition with when it was met (null: not yet).
            var deadlines = new List<(DateTimeOffset Due, DateTimeOffset? Done)> { (p.IntakeDueBy, p.RoutedAt) };
            if (p.Case is { } c)
            {
                var decided = c.AcceptedAt ?? c.DeclinedAt;
                deadlines.Add((c.AcceptanceDueBy, decided));
                if (decided is not null || asOf > c.AcceptanceDueBy)
                {
                    acceptances++;
                    timely += decided <= c.AcceptanceDueBy ? 1 : 0;
                }

                if (c.HandlingDueBy is { } handlingDue)
                {
                    deadlines.Add((handlingDue, c.AnsweredAt));
                    if (c.AnsweredAt is not null || asOf > handlingDue)
                    {
                        handlings++;
                        onTime += c.AnsweredAt <= handlingDue ? 1 : 0;
                    }
                }

                if (c.ReportBackDueBy is { } reportBackDue)
                {
                    deadlines.Add((reportBackDue, c.AnsweredAt));
                }

                // A review is a clock of its own (answered within 30 days); the generated histories never answer it.
                if (c.ReviewRequestedAt is { } review)
                {
                    deadlines.Add((StatutoryCalendar.China.DueBy(review, 30), null));
                }

                if (c.AnsweredAt is not null)
                {
                    answered++;
                    evaluated += c.Rating is null ? 0 : 1;
                    satisfied += Satisfied(c.Rating) ? 1 : 0;
                    resolvedAtOnce += Satisfied(c.Rating) && c.ReviewRequestedAt is null && p.RepeatOf is null && !p.RepeatedLater ? 1 : 0;
                }
            }

            var missed = deadlines.Where(d => (d.Done ?? asOf) > d.Due).Select(d => d.Due).ToList();
            if (missed.Count > 0)
            {
                overdue++;
                overdueResolved += p.Case?.AnsweredAt > missed.Min() ? 1 : 0;
            }
        }

        return new IndicatorSet(new(timely, acceptances), new(onTime, handlings), new(evaluated, answered), new(satisfied, evaluated),
            new(resolvedAtOnce, answered), new(repeats, petitions.Count), new(online, petitions.Count), new(overdueResolved, overdue));
    }
}
