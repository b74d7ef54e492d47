using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Handling.Data;
using PetitionPlatform.Handling.Domain;
using PetitionPlatform.Handling.Workflow;
using PetitionPlatform.ServiceDefaults.Access;
using PetitionPlatform.ServiceDefaults.Paging;
using PetitionPlatform.ServiceDefaults.Problems;

namespace PetitionPlatform.Handling.Api;

/// <summary>The Handling part of the public contract (API.md): reading cases, and the units' and petitioner's actions on them.</summary>
public static class CasesApi
{
    private static readonly Keyset<Case> s_oldestFirst = Keyset.Ascending<Case>(c => c.OpenedAt, c => c.Id);

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var handling = app.MapGroup("/api/handling").WithTags("Cases");
        // Every read and every unit's action needs a client (the fallback policy); which case it reaches is decided
        // by CaseAccess with the case's data. Only the petitioner's two actions are open, proven by the query code.
        handling.MapGet("/petitions/{petitionId}/cases", ListForPetitionAsync)
            .WithSummary("The cases of a petition the caller may see, oldest first");
        handling.MapGet("/cases", ListForUnitAsync)
            .WithSummary("A unit's cases, optionally of one status");
        handling.MapGet("/cases/{caseId}", GetAsync)
            .WithSummary("One case");

        handling.MapPost("/cases/{caseId}/accept", AcceptAsync)
            .Accepts<AcceptRequest>("application/json").WithSummary("The unit accepts the matter; the 60-day handling period starts");
        handling.MapPost("/cases/{caseId}/decline", DeclineAsync)
            .Accepts<DeclineRequest>("application/json").WithSummary("The unit says the matter is not its own, with its reason");
        handling.MapPost("/cases/{caseId}/co-handlers", AddCoHandlersAsync)
            .Accepts<CoHandlersRequest>("application/json").WithSummary("Units join the case for joint handling");
        handling.MapPost("/cases/{caseId}/findings", AddFindingsAsync)
            .Accepts<FindingsRequest>("application/json")
            .WithSummary("A co-handling unit (or the lead unit) adds its findings to the shared case (会办意见)");
        handling.MapPost("/cases/{caseId}/extension", ExtendAsync)
            .Accepts<ExtensionRequest>("application/json").WithSummary("The handling period is extended once, by at most 30 days");
        handling.MapPost("/cases/{caseId}/hearings", RecordHearingAsync)
            .Accepts<HearingRequest>("application/json")
            .WithSummary("The reviewing unit records a hearing (听证); its days are not counted in the review period");
        handling.MapPost("/cases/{caseId}/answer", AnswerAsync)
            .Accepts<AnswerRequest>("application/json").WithSummary("The written answer (处理意见书)");
        handling.MapPost("/cases/{caseId}/evaluation", EvaluateAsync).AllowPetitioners()
            .Accepts<EvaluationRequest>("application/json").WithSummary("The petitioner rates the answer, proving themselves with the query code");
        handling.MapPost("/cases/{caseId}/review-request", ReviewRequestAsync).AllowPetitioners()
            .Accepts<ReviewRequest>("application/json")
            .WithSummary("The petitioner contests the answer; a case opens at the unit one level above (复查, then 复核)");
        return app;
    }

    /// <summary>202 with the new case, which the unit above now handles; the contested case itself is answered already.</summary>
    private static async Task<Results<Accepted<CaseView>, ValidationProblem, ProblemHttpResult>> ReviewRequestAsync(
        string caseId, HttpRequest http, ReviewWorkflow workflow, CancellationToken ct)
    {
        if (!Guid.TryParse(caseId, out var id))
        {
            return NotProven();
        }

        var (request, problem) = await JsonBody.ReadAsync<ReviewRequest>(http, "A JSON object { trackingCode, reason } is required.", ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = CaseRequestValidator.Validate(request);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        return await workflow.RequestReviewAsync(id, request.TrackingCode!.Trim(), request.Reason!.Trim(), ct) switch
        {
            CaseCommandResult.Done done => TypedResults.Accepted($"/api/handling/cases/{done.Case.Id}", CaseView.From(done.Case)),
            CaseCommandResult.Refused refused => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The answer cannot be contested now.", detail: refused.Reason),
            CaseCommandResult.Unavailable unavailable => Unavailable(unavailable.Reason),
            _ => NotProven(),
        };
    }

    private static async Task<Results<Ok<List<CaseView>>, ProblemHttpResult>> ListForPetitionAsync(
        string petitionId, Caller caller, CaseAccess access, HandlingDbContext db, CancellationToken ct)
    {
        if (!Guid.TryParse(petitionId, out var id))
        {
            return PetitionNotFound(petitionId);
        }

        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.PetitionId == id)
            .OrderBy(c => c.OpenedAt).ThenBy(c => c.Id)
            .ToListAsync(ct);
        var visible = new List<CaseView>();
        foreach (var found in cases)
        {
            if (await access.CanReadAsync(caller, found, ct))
            {
                visible.Add(CaseView.From(found));
            }
        }

        // Nothing the caller may see answers as a petition handling does not know (ACCESS.md rule 1).
        return visible.Count > 0 || (cases.Count == 0 && await access.CanSeeUnroutedAsync(caller, id, ct))
            ? TypedResults.Ok(visible)
            : PetitionNotFound(petitionId);
    }

    /// <summary>
    /// The cases the unit leads and those it co-handles, each with the unit's <c>role</c>. A confidential case (a report)
    /// cannot have co-handlers; the query holds to that anyway, so a report is only ever listed for its own unit.
    /// </summary>
    private static async Task<Results<Ok<List<CaseView>>, ValidationProblem, ProblemHttpResult>> ListForUnitAsync(
        [FromQuery] string? orgId, [FromQuery] string? status, [FromQuery] string? limit, [FromQuery] string? after,
        HttpContext http, Caller caller, CaseAccess access, HandlingDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var page = PageRequest.Parse(limit, after, errors);
        if (string.IsNullOrWhiteSpace(orgId))
        {
            errors["orgId"] = ["Required: the unit whose cases to list."];
        }
        else if (!OrgId.IsWellFormed(orgId))
        {
            errors["orgId"] = ["An organisation id is '<regionCode>/<unit>', such as '130724/hrss'."];
        }

        if (status is not null && !CaseStatuses.All.Contains(status))
        {
            errors["status"] = [$"Must be one of: {string.Join(", ", CaseStatuses.All)}."];
        }

        if (errors.Count > 0 || page is null)
        {
            return Problem.Invalid(errors);
        }

        if (await access.CanListAsync(caller, OrgId.Parse(orgId!), ct) is not { } withReports)
        {
            return Problem.Forbidden($"'{orgId}' is neither this client's organisation nor a unit in its region.");
        }

        var cases = await s_oldestFirst.Read(db.Cases.AsNoTracking()
            .Where(c => c.OrgId == orgId || (!c.Confidential && c.CoHandlerOrgIds.Contains(orgId!)))
            .Where(c => withReports || !c.Confidential)
            .Where(c => status == null || c.Status == status), page)
            .ToListAsync(ct);
        return TypedResults.Ok(page.Page(cases, s_oldestFirst.KeyOf, http).Select(c => CaseView.ForUnit(c, orgId!)).ToList());
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> GetAsync(
        string caseId, Caller caller, CaseAccess access, HandlingDbContext db, CancellationToken ct)
    {
        var found = Guid.TryParse(caseId, out var id)
            ? await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct)
            : null;
        return found is null || !await access.CanReadAsync(caller, found, ct) ? CaseNotFound(caseId) : TypedResults.Ok(CaseView.From(found));
    }

    private static Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        string caseId, HttpRequest http, Caller caller, CaseAccess access, CaseWorkflow workflow, CancellationToken ct) =>
        ActAsync<AcceptRequest>(caseId, http, new UnitAction(caller, access), CaseRequestValidator.Validate,
            (id, r) => workflow.AcceptAsync(id, r.By!.Trim(), ct), ct);

    private static Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> DeclineAsync(
        string caseId, HttpRequest http, Caller caller, CaseAccess access, CaseWorkflow workflow, CancellationToken ct) =>
        ActAsync<DeclineRequest>(caseId, http, new UnitAction(caller, access), CaseRequestValidator.Validate,
            (id, r) => workflow.DeclineAsync(id, r.Reason!.Trim(), Blank(r.LegalBasis), r.SuggestedOrgId, ct), ct);

    private static Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> AddCoHandlersAsync(
        string caseId, HttpRequest http, Caller caller, CaseAccess access, CaseWorkflow workflow, CancellationToken ct) =>
        ActAsync<CoHandlersRequest>(caseId, http, new UnitAction(caller, access), CaseRequestValidator.Validate,
            (id, r) => workflow.AddCoHandlersAsync(id, r.OrgIds!.Select(o => o!).ToList(), ct), ct);

    private static Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> AddFindingsAsync(
        string caseId, HttpRequest http, Caller caller, CaseAccess access, CaseWorkflow workflow, CancellationToken ct) =>
        ActAsync<FindingsRequest>(caseId, http, new UnitAction(caller, access, CaseAccess.IsParticipant, r => ((FindingsRequest)r).OrgId), CaseRequestValidator.Validate,
            (id, r) => workflow.AddFindingsAsync(id, r.OrgId!, r.Findings!.Trim(), ct), ct);

    private static Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ExtendAsync(
        string caseId, HttpRequest http, Caller caller, CaseAccess access, CaseWorkflow workflow, CancellationToken ct) =>
        ActAsync<ExtensionRequest>(caseId, http, new UnitAction(caller, access), CaseRequestValidator.Validate,
            (id, r) => workflow.ExtendAsync(id, r.Days!.Value, r.Reason!.Trim(), r.ApprovedBy!.Trim(), ct), ct);

    private static Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> RecordHearingAsync(
        string caseId, HttpRequest http, Caller caller, CaseAccess access, CaseWorkflow workflow, CancellationToken ct)
    {
        DateOnly startedOn = default, endedOn = default;
        return ActAsync<HearingRequest>(caseId, http, new UnitAction(caller, access, ActingFor: r => ((HearingRequest)r).OrgId), r => CaseRequestValidator.Validate(r, out startedOn, out endedOn),
            (id, r) => workflow.RecordHearingAsync(id, r.OrgId!, startedOn, endedOn, ct), ct);
    }

    private static Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        string caseId, HttpRequest http, Caller caller, CaseAccess access, CaseWorkflow workflow, CancellationToken ct) =>
        ActAsync<AnswerRequest>(caseId, http, new UnitAction(caller, access), CaseRequestValidator.Validate,
            (id, r) => workflow.AnswerAsync(id, r.Outcome!, r.Opinion!.Trim(), r.LegalBasis!.Trim(), ct), ct);

    private static Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> EvaluateAsync(
        string caseId, HttpRequest http, CaseWorkflow workflow, CancellationToken ct) =>
        ActAsync<EvaluationRequest>(caseId, http, unit: null, CaseRequestValidator.Validate,
            (id, r) => workflow.EvaluateAsync(id, r.TrackingCode!, r.Rating!, ct), ct, byPetitioner: true);

    /// <summary>The shape every action shares: a case id, a body checked field by field, then the workflow's verdict.</summary>
    private static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ActAsync<TRequest>(
        string caseId,
        HttpRequest http,
        UnitAction? unit,
        Func<TRequest, Dictionary<string, string[]>> validate,
        Func<Guid, TRequest, Task<CaseCommandResult>> act,
        CancellationToken ct,
        bool byPetitioner = false) where TRequest : class
    {
        if (!Guid.TryParse(caseId, out var id))
        {
            // The petitioner is told nothing about which ids exist, not even that one is malformed.
            return byPetitioner ? NotProven() : CaseNotFound(caseId);
        }

        if (unit is not null && await unit.RefusalAsync(id, caseId, ct) is { } refusal)
        {
            return refusal;
        }

        var (request, problem) = await JsonBody.ReadAsync<TRequest>(http, "A JSON object is required.", ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = validate(request);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        if (unit?.ActingFor?.Invoke(request) is { } actingFor && !unit.Caller.Is(actingFor))
        {
            return Problem.Forbidden($"This client acts for '{unit.Caller.Org}', not for '{actingFor}'.", field: "orgId");
        }

        return await act(id, request) switch
        {
            CaseCommandResult.Done done => TypedResults.Ok(CaseView.From(done.Case)),
            CaseCommandResult.Invalid invalid => Problem.Invalid(invalid.Errors),
            CaseCommandResult.Refused refused => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The case does not allow this now.", detail: refused.Reason),
            CaseCommandResult.Forbidden => NotProven(),
            CaseCommandResult.NotParticipant outsider => NotParticipant(outsider.OrgId),
            CaseCommandResult.NotCaseUnit outsider => NotCaseUnit(outsider.OrgId),
            CaseCommandResult.Unavailable unavailable => Unavailable(unavailable.Reason),
            _ => CaseNotFound(caseId),
        };
    }

    /// <summary>
    /// A unit's action on a case: the caller must see the case (else it does not exist for them) and be allowed to do
    /// this on it (<paramref name="May"/>, by default <see cref="CaseAccess.CanAct"/>); <paramref name="ActingFor"/>
    /// names the organisation a body speaks for, which must be the caller's own.
    /// </summary>
    private sealed record UnitAction(Caller Caller, CaseAccess Access, Func<Caller, Case, bool>? May = null, Func<object, string?>? ActingFor = null)
    {
        public async Task<ProblemHttpResult?> RefusalAsync(Guid id, string caseId, CancellationToken ct)
        {
            var found = await Access.FindAsync(id, ct);
            if (found is null || !await Access.CanReadAsync(Caller, found, ct))
            {
                return CaseNotFound(caseId);
            }

            return (May ?? CaseAccess.CanAct)(Caller, found)
                ? null
                : Problem.Forbidden($"Only the unit handling this {found.Stage} case, with the role it needs, may do this; '{Caller.Org}' may read it only.");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ProblemHttpResult CaseNotFound(string caseId) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "No such case.", detail: $"There is no case '{caseId}'.");

    private static ProblemHttpResult PetitionNotFound(string petitionId) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "No such petition.", detail: $"Handling knows no petition '{petitionId}'.");

    internal static ProblemHttpResult Unavailable(string detail) =>
        Problem.Unavailable("A service this action depends on cannot be reached.", detail);

    /// <summary>403 naming the unit, in the same <c>errors</c> shape as a 400 so that clients find the field the same way.</summary>
    private static ProblemHttpResult NotParticipant(string orgId) => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "The unit takes no part in this case.",
        detail: $"'{orgId}' neither leads nor co-handles this case; only its units may add findings.",
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = new Dictionary<string, string[]> { ["orgId"] = [$"'{orgId}' is not a unit of this case."] },
        });

    /// <summary>403 naming the unit, as for findings: only the case's own unit, the reviewing body, holds its hearings.</summary>
    private static ProblemHttpResult NotCaseUnit(string orgId) => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "The unit is not the case's unit.",
        detail: $"'{orgId}' is not the unit handling this case; only that unit may record its hearings.",
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = new Dictionary<string, string[]> { ["orgId"] = [$"'{orgId}' is not the unit of this case."] },
        });

    internal static ProblemHttpResult NotProven() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "The query code does not prove this petition.",
        detail: "Only the petitioner, with the query code of the receipt, can evaluate or contest the answer.");
}
