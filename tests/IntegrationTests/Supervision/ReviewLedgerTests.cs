using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Supervision;

/// <summary>Review, re-review and termination events on the real broker, seen in the ledger and the petitioner's progress view.</summary>
[Collection("infrastructure")]
public sealed class ReviewLedgerTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private SupervisionUnderTest _host = null!;
    private ServiceFactory<SupervisionDbContext> _supervision = null!;
    private HttpClient _client = null!;
    private IBus _bus = null!;

    public async Task InitializeAsync()
    {
        _host = await SupervisionUnderTest.StartAsync(infrastructure, "supervision");
        (_supervision, _client, _bus) = (_host.Service, _host.Client, _host.Bus);
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task The_review_clock_runs_at_the_city_and_the_re_review_answer_terminates_the_matter()
    {
        var journey = PetitionJourney.Started(daysAgo: 5);
        var reviewId = Guid.NewGuid();
        var reReviewId = Guid.NewGuid();
        var requestedAt = journey.EvaluatedAt.AddHours(1);
        foreach (var @event in new object[] { journey.Registered(), journey.Routed(), journey.Opened(), journey.Accepted(), journey.Answered(), journey.Evaluated() })
        {
            await _bus.Publish(@event);
        }

        await _bus.Publish(new ReviewRequested(journey.PetitionId, reviewId, "130700/hrss", CaseStages.Review, journey.CaseId, PetitionJourney.Hrss,
            PetitionJourney.DueBy(requestedAt, 30), false, requestedAt));

        var underReview = await TrackWhenAsync(t => t.GetProperty("status").GetString() == "under-review");
        Assert.Equal("130700/hrss", underReview.GetProperty("currentOrgId").GetString());
        Assert.False(underReview.GetProperty("canRequestReview").GetBoolean());
        var ledger = await _client.GetFromJsonAsync<JsonElement>($"/api/supervision/petitions/{journey.PetitionId}");
        var review = ledger.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "review");
        Assert.Equal(("130700/hrss", PetitionJourney.DueBy(requestedAt, 30)), (review.GetProperty("orgId").GetString(), review.GetProperty("dueBy").GetDateTimeOffset()));
        Assert.False(review.TryGetProperty("doneAt", out var notDone) && notDone.ValueKind == JsonValueKind.String);

        var reviewAnsweredAt = requestedAt.AddHours(2);
        var reRequestedAt = reviewAnsweredAt.AddHours(1);
        var finalAt = reRequestedAt.AddHours(1);
        await _bus.Publish(new CaseAnswered(journey.PetitionId, reviewId, "130700/hrss", CaseStages.Review, Outcomes.Explain, "维持原处理意见。", "条例第三十五条",
            PetitionJourney.DueBy(reviewAnsweredAt, 30), false, reviewAnsweredAt));
        await _bus.Publish(new ReviewRequested(journey.PetitionId, reReviewId, "130000/hrss", CaseStages.ReReview, reviewId, "130700/hrss",
            PetitionJourney.DueBy(reRequestedAt, 30), false, reRequestedAt));
        await _bus.Publish(new CaseAnswered(journey.PetitionId, reReviewId, "130000/hrss", CaseStages.ReReview, Outcomes.Explain, "维持复查意见。", "条例第三十六条",
            PetitionJourney.DueBy(finalAt, 30), false, finalAt));
        await _bus.Publish(new PetitionTerminated(journey.PetitionId, "130000/hrss", TerminationReasons.ReReviewAnswered, "130000/hrss", null, finalAt));

        // The termination and the re-review answer reach supervision on different queues: wait for both.
        var terminated = await TrackWhenAsync(t => t.GetProperty("status").GetString() == "terminated"
            && t.GetProperty("steps").EnumerateArray().Count(step => step.GetProperty("step").GetString() == "answered") == 3);
        Assert.False(terminated.GetProperty("canRequestReview").GetBoolean());
        Assert.False(terminated.TryGetProperty("reviewDueBy", out _));
        Assert.Equal(["review-requested", "answered", "re-review-requested", "answered", "terminated"],
            terminated.GetProperty("steps").EnumerateArray().Skip(5).Select(s => s.GetProperty("step").GetString()));
        var final = await _client.GetFromJsonAsync<JsonElement>($"/api/supervision/petitions/{journey.PetitionId}");
        var reReview = final.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "re-review");
        Assert.Equal(finalAt, reReview.GetProperty("doneAt").GetDateTimeOffset());
    }

    private Task<JsonElement> TrackWhenAsync(Func<JsonElement, bool> condition) => Eventually.HoldsAsync(
        async () =>
        {
            var response = await _client.GetAsync($"/api/track/{PetitionJourney.TrackingCode}");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        },
        track => track.ValueKind == JsonValueKind.Object && condition(track),
        because: "supervision records the published events");
}
