using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Handling;

/// <summary>
/// Hearings (听证) on a review case through handling's HTTP API: the case row, the answer's due date and the
/// CaseHearingRecorded event in the outbox. The clock is moved ten days on after the review opens, so that the hearing
/// lies between the review's opening and "today".
/// </summary>
[Collection("infrastructure")]
public sealed class HearingTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private const string Reviewer = "130700/hrss";

    private readonly TestClock _time = new();
    private ReviewHost _host = null!;

    private HandlingHost Handling => _host.Handling;

    public async Task InitializeAsync() => _host = await ReviewHost.StartAsync(infrastructure, time: _time);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A review case at the city labour bureau, opened now; the clock then moves ten days on.</summary>
    private async Task<(string ReviewId, Guid PetitionId, DateTimeOffset OpenedAt, DateOnly OpenedOn)> ReviewAsync()
    {
        var (caseId, petitionId, trackingCode) = await _host.AnsweredCaseAsync();
        var review = await ReviewHost.OkAsync(await _host.RequestReviewAsync(caseId, trackingCode));
        var openedAt = review.GetProperty("openedAt").GetDateTimeOffset();
        _time.Advance(TimeSpan.FromDays(10));
        return (review.GetProperty("caseId").GetString()!, petitionId, openedAt, StatutoryCalendar.DayOf(openedAt));
    }

    private Task<HttpResponseMessage> HearingAsync(string caseId, string orgId, DateOnly startedOn, DateOnly endedOn) =>
        Handling.PostAsync(caseId, "hearings", new { orgId, startedOn = $"{startedOn:yyyy-MM-dd}", endedOn = $"{endedOn:yyyy-MM-dd}" });

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Hearing_days_move_the_due_date_add_up_and_are_published_with_it()
    {
        var (reviewId, petitionId, openedAt, openedOn) = await ReviewAsync();

        var first = await ReviewHost.OkAsync(await HearingAsync(reviewId, Reviewer, openedOn.AddDays(2), openedOn.AddDays(4)));

        Assert.Equal(StatutoryCalendar.China.DueBy(openedAt, 30 + 3), first.GetProperty("dueBy").GetDateTimeOffset());
        Assert.Equal(first.GetProperty("dueBy").GetDateTimeOffset(), first.GetProperty("handlingDueBy").GetDateTimeOffset());
        var hearing = Assert.Single(first.GetProperty("hearings").EnumerateArray());
        Assert.Equal((Reviewer, $"{openedOn.AddDays(2):yyyy-MM-dd}", $"{openedOn.AddDays(4):yyyy-MM-dd}", 3),
            (hearing.GetProperty("orgId").GetString(), hearing.GetProperty("startedOn").GetString(), hearing.GetProperty("endedOn").GetString(),
                hearing.GetProperty("days").GetInt32()));
        Assert.Equal(TimeSpan.FromHours(8), hearing.GetProperty("recordedAt").GetDateTimeOffset().Offset);

        var second = await ReviewHost.OkAsync(await HearingAsync(reviewId, Reviewer, openedOn.AddDays(7), openedOn.AddDays(7)));

        var due = StatutoryCalendar.China.DueBy(openedAt, 30 + 4);
        Assert.Equal(due, second.GetProperty("dueBy").GetDateTimeOffset());
        var stored = await Handling.Client.GetFromJsonAsync<JsonElement>($"/api/handling/cases/{reviewId}");
        Assert.Equal((due, 2), (stored.GetProperty("dueBy").GetDateTimeOffset(), stored.GetProperty("hearings").GetArrayLength()));

        var events = (await Handling.EventsAboutAsync(reviewId)).Where(e => e.Type == nameof(CaseHearingRecorded)).Select(e => e.Body).ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal((petitionId.ToString(), Reviewer, "review", $"{openedOn.AddDays(7):yyyy-MM-dd}", $"{openedOn.AddDays(7):yyyy-MM-dd}", false),
            (events[1].GetProperty("petitionId").GetString(), events[1].GetProperty("orgId").GetString(), events[1].GetProperty("stage").GetString(),
                events[1].GetProperty("startedOn").GetString(), events[1].GetProperty("endedOn").GetString(), events[1].GetProperty("confidential").GetBoolean()));
        Assert.Equal(due, events[1].GetProperty("dueBy").GetDateTimeOffset());
        Assert.Equal(StatutoryCalendar.China.DueBy(openedAt, 33), events[0].GetProperty("dueBy").GetDateTimeOffset());
    }

    [Fact]
    public async Task An_overlapping_hearing_is_a_conflict_and_publishes_nothing()
    {
        var (reviewId, _, openedAt, openedOn) = await ReviewAsync();
        await ReviewHost.OkAsync(await HearingAsync(reviewId, Reviewer, openedOn.AddDays(2), openedOn.AddDays(4)));

        var problem = await ProblemAsync(await HearingAsync(reviewId, Reviewer, openedOn.AddDays(4), openedOn.AddDays(5)), HttpStatusCode.Conflict);

        Assert.Contains("overlaps", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await Handling.Client.GetFromJsonAsync<JsonElement>($"/api/handling/cases/{reviewId}");
        Assert.Equal(StatutoryCalendar.China.DueBy(openedAt, 33), stored.GetProperty("dueBy").GetDateTimeOffset());
        Assert.Single(await Handling.EventsAboutAsync(reviewId), e => e.Type == nameof(CaseHearingRecorded));
    }

    [Fact]
    public async Task Another_unit_is_forbidden_by_name()
    {
        var (reviewId, _, _, openedOn) = await ReviewAsync();

        var problem = await ProblemAsync(await HearingAsync(reviewId, "130724/hrss", openedOn.AddDays(1), openedOn.AddDays(1)), HttpStatusCode.Forbidden);

        Assert.Equal(["orgId"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.DoesNotContain(await Handling.EventsAboutAsync(reviewId), e => e.Type == nameof(CaseHearingRecorded));
    }

    [Fact]
    public async Task The_original_handling_is_refused_with_the_reason()
    {
        var (caseId, _, _) = await Handling.OpenCaseAsync();
        await ReviewHost.OkAsync(await Handling.PostAsync(caseId, "accept", new { by = "张科长" }));
        _time.Advance(TimeSpan.FromDays(10));
        var today = StatutoryCalendar.DayOf(_time.GetUtcNow());

        var problem = await ProblemAsync(await HearingAsync(caseId, "130724/hrss", today.AddDays(-2), today.AddDays(-1)), HttpStatusCode.Conflict);

        Assert.Contains("only from a review (复查) or re-review (复核) period", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await Handling.EventsAboutAsync(caseId), e => e.Type == nameof(CaseHearingRecorded));
    }

    [Fact]
    public async Task An_answered_review_is_refused()
    {
        var (reviewId, _, _, openedOn) = await ReviewAsync();
        await _host.AnswerAsync(reviewId);

        var problem = await ProblemAsync(await HearingAsync(reviewId, Reviewer, openedOn.AddDays(1), openedOn.AddDays(1)), HttpStatusCode.Conflict);

        Assert.Contains("already been answered", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Impossible_days_are_named_by_field()
    {
        var (reviewId, _, _, openedOn) = await ReviewAsync();
        var today = StatutoryCalendar.DayOf(_time.GetUtcNow());

        var reversed = await ProblemAsync(await HearingAsync(reviewId, Reviewer, openedOn.AddDays(3), openedOn.AddDays(2)), HttpStatusCode.BadRequest);
        var future = await ProblemAsync(await HearingAsync(reviewId, Reviewer, today, today.AddDays(1)), HttpStatusCode.BadRequest);
        var beforeOpening = await ProblemAsync(await HearingAsync(reviewId, Reviewer, openedOn.AddDays(-1), openedOn), HttpStatusCode.BadRequest);
        var malformed = await ProblemAsync(
            await Handling.PostAsync(reviewId, "hearings", new { orgId = "city", startedOn = "2026/12/01" }), HttpStatusCode.BadRequest);

        Assert.Equal(["endedOn"], Fields(reversed));
        Assert.Equal(["endedOn"], Fields(future));
        Assert.Equal(["startedOn"], Fields(beforeOpening));
        Assert.Equal(["endedOn", "orgId", "startedOn"], Fields(malformed));
        Assert.DoesNotContain(await Handling.EventsAboutAsync(reviewId), e => e.Type == nameof(CaseHearingRecorded));
    }

    [Fact]
    public async Task An_unknown_case_is_not_found()
    {
        var today = StatutoryCalendar.DayOf(DateTimeOffset.UtcNow);

        await ProblemAsync(await HearingAsync(Guid.NewGuid().ToString(), Reviewer, today, today), HttpStatusCode.NotFound);
        await ProblemAsync(await HearingAsync("not-a-case", Reviewer, today, today), HttpStatusCode.NotFound);
    }

    private static List<string> Fields(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
}
