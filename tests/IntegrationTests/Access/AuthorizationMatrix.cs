using PetitionPlatform.IntegrationTests.Support;
using static PetitionPlatform.IntegrationTests.Access.MatrixCallers;

namespace PetitionPlatform.IntegrationTests.Access;

/// <summary>The petition every row is about, and what the fixture made for the rows that need it.</summary>
public sealed record MatrixPetition(string PetitionId, string CaseId, string TrackingCode, string SubjectClientId);

/// <summary>
/// One row per request: the endpoint's route as the service maps it (every mapped route must have a row, or the test
/// fails), a concrete request, and who may make it (ACCESS.md, as decided in docs/decisions.md 27–41).
/// </summary>
public sealed record MatrixRow(
    string Service,
    string Method,
    string Route,
    MatrixRule Rule,
    Func<MatrixPetition, MatrixCaller, string> Path,
    Func<MatrixPetition, MatrixCaller, object>? Body = null)
{
    public override string ToString() => $"{Method} {Route}";
}

/// <summary>
/// The table. Rows run in this order, each with every caller: reads first, then actions that change the case (accepted,
/// then answered, so later refusals are 409s judged on the merits), and last what ends the matter or the client.
/// </summary>
public static class AuthorizationMatrix
{
    // The matrix's petition is neither escalated nor disputed: the joint conference over its region does not see it.
    private static readonly MatrixCaller[] s_bureausOver = [Registrar, CityBureau];

    /// <summary>A message id no service has set aside: the replay answers it as unknown. Fixed, so a fuzz seed reproduces.</summary>
    private static readonly Guid s_unknownMessage = Guid.Parse("5b1c2d3e-0000-4000-8000-00000000a51d");

    private static readonly string[] s_messagingServices = ["intake", "routing", "handling", "supervision", "notification", "audit", "identity"];

    public static readonly IReadOnlyList<MatrixRow> Rows =
    [
        // Intake: a bureau registers in its own name, a portal for any bureau; the record for the registrar, the bureaus
        // over the region and the unit with the case; personal data in clear for the registrar and that unit only.
        new("intake", "POST", "/api/intake/petitions",
            MatrixRule.Only([Registrar, Portal], Outcome.Forbidden),
            (_, _) => "/api/intake/petitions", (_, _) => SamplePetitions.GuyuanWageArrears()),
        new("intake", "GET", "/api/intake/petitions/{petitionId}",
            MatrixRule.Only([Registrar, CityBureau, Lead], Outcome.Hidden),
            (p, _) => $"/api/intake/petitions/{p.PetitionId}"),
        new("intake", "GET", "/api/intake/petitions/{petitionId}/personal-data",
            MatrixRule.Only([Registrar, Lead], Outcome.Hidden, forbidden: [CityBureau]),
            (p, _) => $"/api/intake/petitions/{p.PetitionId}/personal-data"),

        // Routing's directory: reference data, open inside the platform (decision 34).
        new("routing", "GET", "/api/routing/regions", MatrixRule.Open, (_, _) => "/api/routing/regions"),
        new("routing", "GET", "/api/routing/regions/{regionCode}", MatrixRule.Open, (_, _) => "/api/routing/regions/130724"),
        new("routing", "GET", "/api/routing/organizations", MatrixRule.Open, (_, _) => "/api/routing/organizations?regionCode=130724"),
        new("routing", "GET", "/api/routing/organizations/{regionCode}/{unit}", MatrixRule.Open, (_, _) => "/api/routing/organizations/130724/hrss"),
        new("routing", "GET", "/api/routing/organizations/{orgId}", MatrixRule.Open, (_, _) => "/api/routing/organizations/130724%2Fhrss"),
        new("routing", "GET", "/api/routing/topics", MatrixRule.Open, (_, _) => "/api/routing/topics"),
        new("routing", "GET", "/api/routing/topics/{topic}", MatrixRule.Open, (_, _) => "/api/routing/topics/wage-arrears"),
        new("routing", "GET", "/api/routing/calendar/{year}", MatrixRule.Open, (_, _) => "/api/routing/calendar/2027"),
        // Operators manage the calendar (ACCESS.md). 2098: a year no test counts on, since the calendar is the test process's.
        new("routing", "PUT", "/api/routing/calendar/{year}", MatrixRule.Only([Operator], Outcome.Forbidden), (_, _) => "/api/routing/calendar/2098",
            (_, _) => new { holidays = new[] { new { first = "2098-01-01", last = "2098-01-01" } }, workdays = Array.Empty<string>(), reference = "矩阵测试" }),
        // A petition's routing: the organisations on its path, its unit, the registrar and the overseers of its region (decision 36).
        new("routing", "GET", "/api/routing/petitions/{petitionId}",
            MatrixRule.Only([Registrar, CityBureau, Lead], Outcome.Hidden),
            (p, _) => $"/api/routing/petitions/{p.PetitionId}"),

        // Handling: the case's unit and the bureaus over the region read; the unit alone acts (decision 32).
        new("handling", "GET", "/api/handling/petitions/{petitionId}/cases",
            MatrixRule.Only([Registrar, CityBureau, Lead], Outcome.Hidden),
            (p, _) => $"/api/handling/petitions/{p.PetitionId}/cases"),
        new("handling", "GET", "/api/handling/cases",
            MatrixRule.Only([Registrar, CityBureau, Lead], Outcome.Forbidden),
            (_, _) => "/api/handling/cases?orgId=130724/hrss"),
        new("handling", "GET", "/api/handling/cases/{caseId}",
            MatrixRule.Only([Registrar, CityBureau, Lead], Outcome.Hidden),
            (p, _) => $"/api/handling/cases/{p.CaseId}"),
        CaseAction("accept", (_, c) => new { by = c.Org }),
        CaseAction("decline", (_, _) => new { reason = "不属本单位职责" }),
        CaseAction("co-handlers", (_, _) => new { orgIds = new[] { "130724/justice" } }),
        CaseAction("findings", (_, c) => new { orgId = c.Org, findings = "已核实" }),
        CaseAction("extension", (_, _) => new { days = 10, reason = "需补充调查", approvedBy = "局长" }),
        CaseAction("hearings", (_, c) => new { orgId = c.Org, startedOn = "2026-01-05", endedOn = "2026-01-06" }),
        CaseAction("answer", (_, _) => new { outcome = "support", opinion = "已责令支付。", legalBasis = "《保障农民工工资支付条例》" }),
        // The petitioner's, with the query code: a token neither opens nor closes them.
        new("handling", "POST", "/api/handling/cases/{caseId}/evaluation", MatrixRule.Open,
            (p, _) => $"/api/handling/cases/{p.CaseId}/evaluation", (p, _) => new { trackingCode = p.TrackingCode, rating = "satisfied" }),

        // Supervision: the ledger, backlog and indicators for the bureaus over the region; a unit's notices for the unit
        // and its overseers; a take-over by a bureau over the region, in its own name. The joint conference reads the
        // backlog and notices filtered to escalations and disputes, and no indicators.
        new("supervision", "GET", "/api/track/{trackingCode}", MatrixRule.Open, (p, _) => $"/api/track/{p.TrackingCode}"),
        new("supervision", "GET", "/api/supervision/petitions/{petitionId}",
            MatrixRule.Only(s_bureausOver, Outcome.Hidden),
            (p, _) => $"/api/supervision/petitions/{p.PetitionId}"),
        new("supervision", "GET", "/api/supervision/backlog",
            MatrixRule.Only([.. s_bureausOver, JointConference], Outcome.Forbidden),
            (_, _) => "/api/supervision/backlog?regionCode=130724"),
        new("supervision", "GET", "/api/supervision/indicators",
            MatrixRule.Only(s_bureausOver, Outcome.Forbidden),
            (_, _) => "/api/supervision/indicators?regionCode=130724&from=2026-01-01&to=2026-12-31"),
        new("supervision", "GET", "/api/supervision/notices",
            MatrixRule.Only([.. s_bureausOver, JointConference, Lead], Outcome.Forbidden),
            (_, _) => "/api/supervision/notices?orgId=130724/hrss"),
        new("supervision", "POST", "/api/supervision/petitions/{petitionId}/leader",
            MatrixRule.Only(s_bureausOver, Outcome.Hidden),
            (p, _) => $"/api/supervision/petitions/{p.PetitionId}/leader", (_, c) => new { leader = "县委副书记", orgId = c.Org }),
        new("supervision", "POST", "/api/supervision/dev/evaluate", MatrixRule.AnyClient,
            (_, _) => "/api/supervision/dev/evaluate?asOf=2026-01-01T00:00:00Z"),

        // Notification: the petitioner's messages with the code; a unit's with the unit's own client (decision 35).
        new("notification", "GET", "/api/notifications", MatrixRule.Open, (p, _) => $"/api/notifications?recipient={p.TrackingCode}"),
        new("notification", "GET", "/api/notifications",
            MatrixRule.Only([Lead], Outcome.Forbidden),
            (_, _) => "/api/notifications?recipient=130724/hrss"),

        // The audit trail, for auditors only.
        new("audit", "GET", "/api/audit/entries", MatrixRule.Only([Auditor], Outcome.Forbidden), (p, _) => $"/api/audit/entries?petitionId={p.PetitionId}"),
        new("audit", "GET", "/api/audit/verification", MatrixRule.Only([Auditor], Outcome.Forbidden), (_, _) => "/api/audit/verification"),

        // Identity: clients and keys, for operators only.
        new("identity", "GET", "/api/identity/clients", MatrixRule.Only([Operator], Outcome.Forbidden), (_, _) => "/api/identity/clients"),
        new("identity", "POST", "/api/identity/clients",
            MatrixRule.Only([Operator], Outcome.Forbidden),
            (_, _) => "/api/identity/clients", (_, _) => new { orgId = "130724/health", roles = new[] { "unit" }, clientId = $"matrix-{Guid.NewGuid():N}" }),
        new("identity", "POST", "/api/identity/clients/{clientId}/secret",
            MatrixRule.Only([Operator], Outcome.Forbidden),
            (p, _) => $"/api/identity/clients/{p.SubjectClientId}/secret"),

        // Messages each service set aside, and their replay: operators only (events carry ids, never personal data).
        .. s_messagingServices.SelectMany(service => new[]
        {
            new MatrixRow(service, "GET", $"/api/{ServicePrefix(service)}/set-aside-messages", MatrixRule.Only([Operator], Outcome.Forbidden),
                (_, _) => $"/api/{ServicePrefix(service)}/set-aside-messages"),
            new MatrixRow(service, "POST", $"/api/{ServicePrefix(service)}/set-aside-messages/replay", MatrixRule.Only([Operator], Outcome.Forbidden),
                (_, _) => $"/api/{ServicePrefix(service)}/set-aside-messages/replay", (_, _) => new { ids = new[] { s_unknownMessage } }),
        }),

        // Development-only diagnostics: any signed-in client, in Development only (absent elsewhere).
        .. new[] { "intake", "routing", "handling", "supervision", "notification", "audit" }.Select(service =>
            new MatrixRow(service, "GET", $"/api/{ServicePrefix(service)}/dev/messaging", MatrixRule.AnyClient,
                (p, _) => $"/api/{ServicePrefix(service)}/dev/messaging?petitionId={p.PetitionId}")),

        // Last, what ends something: a reroute moves the matter, a review reopens it, a termination closes it.
        new("routing", "POST", "/api/routing/petitions/{petitionId}/reroute",
            MatrixRule.Only(s_bureausOver, Outcome.Forbidden, hidden: [ForeignBureau, JointConference]),
            (p, _) => $"/api/routing/petitions/{p.PetitionId}/reroute", (_, c) => new { toOrgId = "130724/agriculture", reason = "职责调整", by = c.Org }),
        new("handling", "POST", "/api/handling/cases/{caseId}/review-request", MatrixRule.Open,
            (p, _) => $"/api/handling/cases/{p.CaseId}/review-request", (p, _) => new { trackingCode = p.TrackingCode, reason = "对处理意见不服" }),
        new("routing", "POST", "/api/routing/terminations",
            MatrixRule.Only([Court], Outcome.Forbidden, hidden: [ForeignCourt]),
            (_, _) => "/api/routing/terminations",
            (p, c) => new { petitionId = p.PetitionId, orgId = c.Org, recordNumber = "(2026)冀0724民初1号", reason = "已经人民法院判决" }),
        // Read once there is one to read.
        new("routing", "GET", "/api/routing/terminations/{petitionId}",
            MatrixRule.Only([Registrar, CityBureau, Lead, Court], Outcome.Hidden),
            (p, _) => $"/api/routing/terminations/{p.PetitionId}"),
        new("identity", "DELETE", "/api/identity/clients/{clientId}",
            MatrixRule.Only([Operator], Outcome.Forbidden),
            (p, _) => $"/api/identity/clients/{p.SubjectClientId}"),
        new("identity", "POST", "/api/identity/signing-keys", MatrixRule.Only([Operator], Outcome.Forbidden), (_, _) => "/api/identity/signing-keys"),
    ];

    /// <summary>An action on the case: its unit only; the bureaus over the region read it but act on nothing.</summary>
    private static MatrixRow CaseAction(string action, Func<MatrixPetition, MatrixCaller, object> body) =>
        new("handling", "POST", $"/api/handling/cases/{{caseId}}/{action}",
            MatrixRule.Only([Lead], Outcome.Hidden, forbidden: s_bureausOver),
            (p, _) => $"/api/handling/cases/{p.CaseId}/{action}", body);

    private static string ServicePrefix(string service) => service == "notification" ? "notifications" : service;
}
