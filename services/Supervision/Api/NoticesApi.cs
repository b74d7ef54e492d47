using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.ServiceDefaults.Access;
using PetitionPlatform.ServiceDefaults.Paging;
using PetitionPlatform.ServiceDefaults.Problems;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Deadlines;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Api;

/// <summary>The notices a unit received or was copied on, and (development only) the deadline evaluation on demand.</summary>
public static class NoticesApi
{
    // Newest first; of one instant the higher level first (an escalation before the overdue notice it follows).
    private static readonly Keyset<SupervisionNotice> s_newestFirst =
        Keyset.Descending<SupervisionNotice>(n => n.IssuedAt, n => n.Level, n => n.Id);

    public static IEndpointRouteBuilder MapNoticesApi(this IEndpointRouteBuilder app, IHostEnvironment environment)
    {
        var supervision = app.MapGroup("/api/supervision").WithTags("Notices");
        supervision.MapGet("/notices", ListAsync)
            .WithSummary("Notices to a unit, or copied to it, newest first");
        // Lets tests and demos judge the clocks as of any instant instead of waiting sixty days; never in production.
        if (environment.IsDevelopment())
        {
            supervision.MapPost("/dev/evaluate", EvaluateAsync)
                .WithSummary("Development only: run the deadline evaluation as of the given instant; returns the notices it issued");
        }

        return app;
    }

    private static async Task<Results<Ok<List<NoticeResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? orgId, string? limit, string? after, HttpContext http, Caller caller, SupervisionAccess access, SupervisionDbContext db,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var page = PageRequest.Parse(limit, after, errors);
        if (!OrgId.IsWellFormed(orgId))
        {
            errors["orgId"] = ["The unit is required as '<regionCode>/<unit>', e.g. ?orgId=130724/hrss."];
        }

        if (errors.Count > 0 || page is null)
        {
            return Problem.Invalid(errors);
        }

        if (!await access.CanReadNoticesAsync(caller, OrgId.Parse(orgId!), ct))
        {
            return SupervisionProblems.NotOverseen(caller, orgId!);
        }

        var notices = await s_newestFirst.Read(db.Notices.AsNoTracking()
            .Where(n => n.OrgId == orgId || n.CopiedToOrgIds.Contains(orgId!)), page)
            .ToListAsync(ct);
        // Filtered after the page is cut, so that the cursor follows the rows read: a page may show fewer than the limit.
        return TypedResults.Ok(page.Page(notices, s_newestFirst.KeyOf, http)
            .Where(n => SupervisionAccess.MayShowNotice(caller, n)).Select(NoticeResponse.From).ToList());
    }

    private static async Task<Results<Ok<List<NoticeResponse>>, ValidationProblem>> EvaluateAsync(
        string? asOf, DeadlineEvaluator evaluator, CancellationToken ct)
    {
        // An unencoded '+' of the offset reaches us as a space; put it back rather than reject a readable URL.
        if (string.IsNullOrWhiteSpace(asOf)
            || !DateTimeOffset.TryParse(asOf.Trim().Replace(' ', '+'), CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            || !HasOffset(asOf)
            || !AcceptedDates.Holds(instant))
        {
            return Problem.Invalid("asOf", $"The instant to evaluate as of is required, ISO 8601 with an offset, e.g. 2026-12-01T09:00:00+08:00. {AcceptedDates.Range}");
        }

        var issued = await evaluator.EvaluateAsync(instant, ct);
        return TypedResults.Ok(issued.Select(NoticeResponse.From).ToList());
    }

    /// <summary>An instant without an offset would be read in the server's zone, which is no instant at all.</summary>
    private static bool HasOffset(string value)
    {
        var text = value.Trim();
        var time = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        return time > 0 && (text.EndsWith('Z') || text.EndsWith('z') || text.IndexOfAny(['+', ' ', '-'], time) > 0);
    }
}
