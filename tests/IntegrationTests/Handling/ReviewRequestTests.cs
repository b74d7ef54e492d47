using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Handling;

/// <summary>
/// Review (复查) and re-review (复核) through handling's HTTP API, with routing's real directory naming the unit above,
/// and the events handling writes to its outbox.
/// </summary>
[Collection("infrastructure")]
public sealed class ReviewRequestTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private ReviewHost _host = null!;

    private HandlingHost Handling => _host.Handling;

    public async Task InitializeAsync() => _host = await ReviewHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_dissatisfied_petitioner_goes_up_to_the_city_then_the_province_and_the_matter_is_then_terminated()
    {
        var (caseId, petitionId, trackingCode) = await _host.AnsweredCaseAsync();
        await ReviewHost.OkAsync(await Handling.PostAsync(caseId, "evaluation", new { trackingCode, rating = "dissatisfied" }));

        var reviewResponse = await _host.RequestReviewAsync(caseId, trackingCode);

        Assert.Equal(HttpStatusCode.Accepted, reviewResponse.StatusCode);
        var review = await reviewResponse.Content.ReadFromJsonAsync<JsonElement>();
        var reviewId = review.GetProperty("caseId").GetString()!;
        Assert.Equal($"/api/handling/cases/{reviewId}", reviewResponse.Headers.Location?.OriginalString);
        Assert.Equal(("review", "130700/hrss", "in-progress"),
            (review.GetProperty("stage").GetString(), review.GetProperty("orgId").GetString(), review.GetProperty("status").GetString()));
        Assert.Equal(StatutoryCalendar.China.DueBy(review.GetProperty("openedAt").GetDateTimeOffset(), 30), review.GetProperty("dueBy").GetDateTimeOffset());
        Assert.Equal(caseId, review.GetProperty("reviewOf").GetProperty("caseId").GetString());
        var contested = await Handling.Client.GetFromJsonAsync<JsonElement>($"/api/handling/cases/{caseId}");
        Assert.Equal(("review-requested", reviewId),
            (contested.GetProperty("status").GetString(), contested.GetProperty("contested").GetProperty("reviewCaseId").GetString()));

        await _host.AnswerAsync(reviewId);
        var reReviewResponse = await _host.RequestReviewAsync(reviewId, trackingCode, "复查意见未解决欠薪问题");
        Assert.Equal(HttpStatusCode.Accepted, reReviewResponse.StatusCode);
        var reReview = await reReviewResponse.Content.ReadFromJsonAsync<JsonElement>();
        var reReviewId = reReview.GetProperty("caseId").GetString()!;
        Assert.Equal(("re-review", "130000/hrss"), (reReview.GetProperty("stage").GetString(), reReview.GetProperty("orgId").GetString()));

        await _host.AnswerAsync(reReviewId);
        var third = await _host.RequestReviewAsync(reReviewId, trackingCode, "仍不服");

        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        Assert.Contains("terminated", (await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var events = await Handling.EventsAboutAsync(petitionId.ToString());
        var requested = events.Where(e => e.Type == nameof(ReviewRequested)).Select(e => e.Body).ToList();
        Assert.Equal([("review", "130700/hrss", "130724/hrss"), ("re-review", "130000/hrss", "130700/hrss")],
            requested.Select(r => (r.GetProperty("stage").GetString(), r.GetProperty("orgId").GetString(), r.GetProperty("answeredByOrgId").GetString())));
        var terminated = Assert.Single(events, e => e.Type == nameof(PetitionTerminated)).Body;
        Assert.Equal(("re-review-answered", "130000/hrss"), (terminated.GetProperty("reason").GetString(), terminated.GetProperty("orgId").GetString()));
        Assert.Equal(nameof(PetitionTerminated), events[^1].Type);
        Assert.DoesNotContain(events, e => e.Body.GetRawText().Contains(trackingCode, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_query_code_is_forbidden_and_opens_nothing()
    {
        var (caseId, petitionId, _) = await _host.AnsweredCaseAsync();

        var response = await _host.RequestReviewAsync(caseId, "AAAA-BBBB-CCCC-DDDD");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single(await Handling.CasesOfAsync(petitionId, 1));
    }

    [Fact]
    public async Task An_answer_is_contested_once()
    {
        var (caseId, petitionId, trackingCode) = await _host.AnsweredCaseAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await _host.RequestReviewAsync(caseId, trackingCode)).StatusCode);

        var second = await _host.RequestReviewAsync(caseId, trackingCode, "再次申请");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("already requested", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await Handling.CasesOfAsync(petitionId, 2)).Count);
        Assert.Single(await Handling.EventsAboutAsync(petitionId.ToString()), e => e.Type == nameof(ReviewRequested));
    }

    [Fact]
    public async Task The_reviewing_unit_cannot_decline_the_review()
    {
        var (caseId, petitionId, trackingCode) = await _host.AnsweredCaseAsync();
        var reviewId = (await (await _host.RequestReviewAsync(caseId, trackingCode)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("caseId").GetString()!;

        var response = await Handling.PostAsync(reviewId, "decline", new { reason = "不属本单位职责", suggestedOrgId = "130700/housing" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("one level above", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var review = await Handling.Client.GetFromJsonAsync<JsonElement>($"/api/handling/cases/{reviewId}");
        Assert.Equal("in-progress", review.GetProperty("status").GetString());
        Assert.DoesNotContain(await Handling.EventsAboutAsync(petitionId.ToString()), e => e.Type == nameof(CaseDeclined));
    }

    [Fact]
    public async Task A_case_still_being_handled_cannot_be_contested()
    {
        var (caseId, _, trackingCode) = await Handling.OpenCaseAsync();

        var response = await _host.RequestReviewAsync(caseId, trackingCode);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("not been answered", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_fields_are_named()
    {
        var (caseId, _, _) = await _host.AnsweredCaseAsync();

        var response = await Handling.PostAsync(caseId, "review-request", new { reason = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["reason", "trackingCode"], errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task A_political_legal_termination_consumed_from_the_bus_stops_any_review()
    {
        var (caseId, petitionId, trackingCode) = await _host.AnsweredCaseAsync();
        await Handling.Bus.Publish(new PetitionTerminated(petitionId, "130724/court", TerminationReasons.PoliticalLegal, null, "（2026）冀0724民终8号",
            DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(() => Handling.Service.InDatabaseAsync(db => db.Terminations.CountAsync(t => t.PetitionId == petitionId)),
            count => count == 1, because: "handling records the termination");

        var response = await _host.RequestReviewAsync(caseId, trackingCode);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("terminated", detail, StringComparison.Ordinal);
        Assert.Contains("（2026）冀0724民终8号", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_termination_closes_a_case_still_open()
    {
        var (caseId, petitionId, _) = await Handling.OpenCaseAsync();

        await Handling.Bus.Publish(new PetitionTerminated(petitionId, "130724/procuratorate", TerminationReasons.PoliticalLegal, null, "冀检终字12号",
            DateTimeOffset.UtcNow));

        await Eventually.HoldsAsync(
            async () => (await Handling.Client.GetFromJsonAsync<JsonElement>($"/api/handling/cases/{caseId}")).GetProperty("status").GetString(),
            status => status == "closed", because: "the open case ends with the matter");
    }
}

/// <summary>The 30-day window, on a clock the test moves forward instead of waiting.</summary>
[Collection("infrastructure")]
public sealed class ReviewWindowTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private readonly TestClock _time = new();
    private ReviewHost _host = null!;

    public async Task InitializeAsync() => _host = await ReviewHost.StartAsync(infrastructure, time: _time);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_request_after_the_window_is_refused_with_the_date_it_closed()
    {
        var (caseId, petitionId, trackingCode) = await _host.AnsweredCaseAsync();
        var answered = await _host.Handling.Client.GetFromJsonAsync<JsonElement>($"/api/handling/cases/{caseId}");
        var reviewDueBy = answered.GetProperty("answer").GetProperty("reviewDueBy").GetDateTimeOffset();

        _time.MoveTo(reviewDueBy + TimeSpan.FromMinutes(1));
        var late = await _host.RequestReviewAsync(caseId, trackingCode);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains($"closed on {reviewDueBy:yyyy-MM-dd}", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            StringComparison.Ordinal);
        Assert.Single(await _host.Handling.CasesOfAsync(petitionId, 1));
    }

    [Fact]
    public async Task A_request_on_the_last_day_is_accepted()
    {
        var (caseId, _, trackingCode) = await _host.AnsweredCaseAsync();
        var answered = await _host.Handling.Client.GetFromJsonAsync<JsonElement>($"/api/handling/cases/{caseId}");
        var reviewDueBy = answered.GetProperty("answer").GetProperty("reviewDueBy").GetDateTimeOffset();

        _time.MoveTo(reviewDueBy - TimeSpan.FromHours(1));
        var lastDay = await _host.RequestReviewAsync(caseId, trackingCode);

        Assert.Equal(HttpStatusCode.Accepted, lastDay.StatusCode);
    }
}

/// <summary>Without the directory nobody can name the unit above: the petitioner gets a 503 and nothing changes.</summary>
[Collection("infrastructure")]
public sealed class ReviewWithoutDirectoryTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private HandlingHost _handling = null!;

    public async Task InitializeAsync() => _handling = await HandlingHost.StartAsync(infrastructure, services: DirectoryWiring.Unreachable);

    public async Task DisposeAsync() => await _handling.DisposeAsync();

    [Fact]
    public async Task An_unreachable_directory_is_a_503_problem_and_the_case_stays_answered()
    {
        var (caseId, _, trackingCode) = await _handling.OpenCaseAsync();
        await ReviewHost.OkAsync(await _handling.PostAsync(caseId, "accept", new { by = "张科长" }));
        await ReviewHost.OkAsync(await _handling.PostAsync(caseId, "answer", new { outcome = "explain", opinion = "说明", legalBasis = "条例" }));

        var response = await _handling.PostAsync(caseId, "review-request", new { trackingCode, reason = "不服" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // The unit reads its own case without the directory; a bureau's read, which needs it, is a 503 problem too.
        var c = await _handling.As("130724/hrss").GetFromJsonAsync<JsonElement>($"/api/handling/cases/{caseId}");
        Assert.Equal("answered", c.GetProperty("status").GetString());
        var bureau = await _handling.Client.GetAsync($"/api/handling/cases/{caseId}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, bureau.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), bureau.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", bureau.Content.Headers.ContentType?.MediaType);
    }
}
