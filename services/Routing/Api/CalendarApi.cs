using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.HttpResults;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Data;
using PetitionPlatform.Messaging;
using PetitionPlatform.Messaging.Calendar;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.ServiceDefaults.Access;
using PetitionPlatform.ServiceDefaults.Problems;

namespace PetitionPlatform.Routing.Api;

/// <summary>
/// The holiday calendar every statutory period is counted on (ACCESS.md: operators manage it). Routing keeps the notices
/// operators load, as it keeps the directory, and announces each (HolidayNoticeLoaded) to the services that count
/// periods; handling then counts its running clocks again and announces those that moved. Reading a year is reference
/// data, open like the directory.
/// </summary>
public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/api/routing/calendar").WithTags("Calendar");
        calendar.MapGet("/{year:int}", GetAsync).AllowPlatformServices()
            .WithSummary("A year's holidays and exchanged working days, and whether its State Council notice is loaded (extension)");
        calendar.MapPut("/{year:int}", LoadAsync).RequireRoles(AccessRoles.Operator)
            .Accepts<HolidayNoticeRequest>("application/json")
            .WithSummary("Load the State Council's holiday notice for a year; running clocks it moves are counted again (extension)");
        return app;
    }

    private static async Task<Results<Ok<CalendarYear>, ValidationProblem>> GetAsync(int year, HolidayNoticeBook book, CancellationToken ct)
    {
        if (YearProblem(year) is { } problem)
        {
            return problem;
        }

        // The kept notice, not this process's calendar: another instance may have taken the load a moment ago.
        return TypedResults.Ok(await book.FindAsync(year, ct) is var (notice, loadedAt)
            ? CalendarYear.Loaded(notice, loadedAt)
            : CalendarYear.Counted(year, StatutoryCalendar.China));
    }

    private static async Task<Results<Ok<CalendarYear>, ValidationProblem, ProblemHttpResult>> LoadAsync(
        int year, HttpRequest http, RoutingDbContext db, HolidayNoticeBook book, DisputeDateRecount disputes, AuditTrail audit, TimeProvider time,
        CancellationToken ct)
    {
        if (YearProblem(year) is { } yearProblem)
        {
            return yearProblem;
        }

        var (body, problem) = await JsonBody.ReadAsync<HolidayNoticeRequest>(
            http, "A JSON object { holidays: [{ first, last }], workdays: [...], reference } is required.", ct);
        if (problem is not null)
        {
            return problem;
        }

        var (notice, problems) = body.ToNotice(year);
        if (notice is null)
        {
            return Problem.Invalid(problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Two loads of one year take turns, so the second finds the first's row instead of inserting beside it.
        await db.Database.TakeTransactionLockAsync($"holiday-notice:{year}", ct);
        if (await book.FindAsync(year, ct) is var (kept, keptAt) && SameNotice(kept, notice))
        {
            // The same notice again (an operator's retry): nothing to announce, nothing moves.
            return TypedResults.Ok(CalendarYear.Loaded(kept, keptAt));
        }

        var loadedAt = time.GetUtcNow();
        await book.KeepAsync(notice, loadedAt, ct);
        db.AddToOutbox(HolidayNoticeLoaded.Of(notice, loadedAt), time);
        audit.Record(AuditActions.HolidayNoticeLoaded, subject: year.ToString(CultureInfo.InvariantCulture));
        await disputes.RecountAsync(notice, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A superior settled a dispute this load moved, at the same moment: nothing was kept; the operator loads again.
            return Problem.Conflict("A dispute whose date this notice moves was decided at the same moment; load the notice again.",
                "Changed at the same moment.");
        }

        await transaction.CommitAsync(ct);
        // Only once kept: this instance counts on it at once, the others within their refresh interval.
        StatutoryCalendar.Adopt(notice, loadedAt);
        return TypedResults.Ok(CalendarYear.Loaded(notice, loadedAt));
    }

    private static ValidationProblem? YearProblem(int year) =>
        year < AcceptedDates.Earliest.Year || year > AcceptedDates.Latest.Year
            ? Problem.Invalid("year", $"A year from {AcceptedDates.Earliest.Year} to {AcceptedDates.Latest.Year}.")
            : null;

    private static bool SameNotice(HolidayNotice a, HolidayNotice b) =>
        JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web);
}
