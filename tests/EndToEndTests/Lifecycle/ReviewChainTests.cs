using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.EndToEndTests.Lifecycle;

/// <summary>
/// The Guyuan case contested all the way up through the gateway: answered at the county, reviewed (复查) by the city's
/// labour bureau, re-reviewed (复核) by the province's, and then terminated — a further request is refused and the
/// petitioner's progress view says the matter is concluded.
/// </summary>
[Collection("platform")]
public sealed class ReviewChainTests(PlatformFixture platform)
{
    private HttpClient Gateway => platform.Gateway;

    [Fact]
    public async Task A_dissatisfied_petitioner_is_reviewed_by_the_city_and_re_reviewed_by_the_province_after_which_the_matter_is_terminated()
    {
        var body = Petitions.GuyuanWageArrears();
        var petition = await platform.Portal.RegisterAsync(body);
        await Gateway.RoutingDecisionAsync(petition.PetitionId);
        var caseId = (await Gateway.CasesAsync(petition.PetitionId, 1))[0].GetProperty("caseId").GetString()!;
        await platform.As(County).PostJsonAsync($"/api/handling/cases/{caseId}/accept", new { by = "劳动保障监察大队" });
        await AnswerAsync(caseId, County);
        await platform.Anonymous.PostJsonAsync($"/api/handling/cases/{caseId}/evaluation", new { trackingCode = petition.TrackingCode, rating = "dissatisfied" });

        var review = await RequestReviewAsync(caseId, petition.TrackingCode, HttpStatusCode.Accepted);
        Assert.Equal(("review", "130700/hrss", "in-progress"),
            (review.GetProperty("stage").GetString(), review.GetProperty("orgId").GetString(), review.GetProperty("status").GetString()));
        var underReview = await TrackAsync(petition, "under-review");
        Assert.False(underReview.GetProperty("canRequestReview").GetBoolean());
        var reviewLedger = await Eventually.HoldsAsync(() => Gateway.GetJsonAsync($"/api/supervision/petitions/{petition.PetitionId}"),
            l => l.GetProperty("stages").EnumerateArray().Any(s => s.GetProperty("stage").GetString() == "review"), because: "the ledger keeps the review clock");
        Assert.Equal("130700/hrss", reviewLedger.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "review")
            .GetProperty("orgId").GetString());

        var reviewId = review.GetProperty("caseId").GetString()!;
        await AnswerAsync(reviewId, City);
        var reReview = await RequestReviewAsync(reviewId, petition.TrackingCode, HttpStatusCode.Accepted);
        Assert.Equal(("re-review", "130000/hrss"), (reReview.GetProperty("stage").GetString(), reReview.GetProperty("orgId").GetString()));

        await AnswerAsync(reReview.GetProperty("caseId").GetString()!, Province);
        var third = await RequestReviewAsync(reReview.GetProperty("caseId").GetString()!, petition.TrackingCode, HttpStatusCode.Conflict);
        Assert.Contains("terminated", third.GetProperty("detail").GetString());
        // The original answer was contested already; it cannot open a second chain either.
        var replay = await RequestReviewAsync(caseId, petition.TrackingCode, HttpStatusCode.Conflict);
        Assert.Contains("terminated", replay.GetProperty("detail").GetString());

        var track = await TrackAsync(petition, "terminated");
        Assert.False(track.GetProperty("canRequestReview").GetBoolean());
        Assert.Superset(new HashSet<string> { "review-requested", "re-review-requested", "terminated" },
            track.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()!).ToHashSet());

        // The final answer and the termination come from different events, so either notice can be written first.
        string[] concluded = ["review-opened", "answered-final", "terminated"];
        var toPetitioner = await platform.Anonymous.NotificationsAsync(petition.TrackingCode,
            n => concluded.All(n.Templates(petition.PetitionId).Contains), because: "the petitioner is told of the final answer and that the matter is concluded");
        Assert.Superset(concluded.ToHashSet(), toPetitioner.Templates(petition.PetitionId).ToHashSet());
        var toCity = await platform.As("130700/hrss").NotificationsAsync("130700/hrss", n => n.Templates(petition.PetitionId).Contains("review-opened"),
            because: "the reviewing unit is told of the review");
        Assert.Contains("review-opened", toCity.Templates(petition.PetitionId));

        // The same petitioner brings the terminated matter again: registered, not accepted, and told why under the new code.
        await Eventually.HoldsAsync(() => Gateway.GetJsonAsync($"/api/intake/dev/messaging?petitionId={petition.PetitionId}"),
            view => view.GetProperty("inbox").EnumerateArray().Any(m => m.GetProperty("messageType").GetString() == "PetitionTerminated"),
            because: "intake records the termination");
        var again = await platform.Portal.PostAsJsonAsync("/api/intake/petitions", body.DeepClone());
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var resubmission = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("not-accepted-terminated", resubmission.GetProperty("status").GetString());
        var resubmissionId = resubmission.GetProperty("petitionId").GetString()!;
        var refusal = await Gateway.PetitionerMessagesAsync(resubmission.GetProperty("trackingCode").GetString()!,
            m => m.Templates(resubmissionId).Contains("not-accepted-terminated"), because: "the refusal is listed under the new query code");
        Assert.Contains(petition.Number, refusal.EnumerateArray()
            .Single(m => m.GetProperty("template").GetString() == "not-accepted-terminated").GetProperty("text").GetString());
        Assert.Empty(refusal.Templates(petition.PetitionId));
    }

    [Fact]
    public async Task A_hearing_held_by_the_reviewer_is_left_out_of_the_review_period_and_the_ledger_and_petitioner_follow()
    {
        var petition = await platform.Portal.RegisterAsync(Petitions.GuyuanWageArrears());
        await Gateway.RoutingDecisionAsync(petition.PetitionId);
        var caseId = (await Gateway.CasesAsync(petition.PetitionId, 1))[0].GetProperty("caseId").GetString()!;
        await platform.As(County).PostJsonAsync($"/api/handling/cases/{caseId}/accept", new { by = "劳动保障监察大队" });
        await AnswerAsync(caseId, County);
        var review = await RequestReviewAsync(caseId, petition.TrackingCode, HttpStatusCode.Accepted);
        var reviewId = review.GetProperty("caseId").GetString()!;
        var acceptedAt = review.GetProperty("acceptedAt").GetDateTimeOffset();

        // A one-day hearing today (China's calendar day), held by the city's labour bureau that reviews: a hearing may be
        // neither in the future nor before the case opened, so today is the only day an end-to-end test can give it.
        var today = StatutoryCalendar.DayOf(acceptedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var afterHearing = await platform.As(City).PostJsonAsync($"/api/handling/cases/{reviewId}/hearings",
            new { orgId = "130700/hrss", startedOn = today, endedOn = today });
        var dueAfter = afterHearing.GetProperty("dueBy").GetDateTimeOffset();
        // The reviewer's client cannot record a hearing in the county unit's name.
        var wrongUnit = await platform.As(City).PostAsJsonAsync($"/api/handling/cases/{reviewId}/hearings",
            new { orgId = "130724/hrss", startedOn = today, endedOn = today });

        // The period is counted again from the acceptance with the hearing's day left out, on the one statutory calendar.
        // Whether that moves the date depends on the day the test runs (30 and 31 days after some dates both roll over
        // the same holiday to one working day), so the expectation is the calendar's answer, never "later than before";
        // the unit tests pin the arithmetic on fixed dates.
        Assert.Equal(StatutoryCalendar.China.DueBy(acceptedAt, StatutoryPeriods.ReviewAnswerDays + 1), dueAfter);
        Assert.Equal(1, Assert.Single(afterHearing.GetProperty("hearings").EnumerateArray()).GetProperty("days").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, wrongUnit.StatusCode);
        await Eventually.HoldsAsync(() => Gateway.GetJsonAsync($"/api/supervision/petitions/{petition.PetitionId}"),
            l => l.GetProperty("stages").EnumerateArray().Any(s => s.GetProperty("stage").GetString() == "review"
                && s.GetProperty("dueBy").GetDateTimeOffset() == dueAfter),
            because: "supervision's review clock follows the hearing");
        var told = await Gateway.PetitionerMessagesAsync(petition.TrackingCode,
            m => m.Templates(petition.PetitionId).Contains("hearing-held"), because: "the petitioner is told the new answer date");
        Assert.Contains("hearing-held", told.Templates(petition.PetitionId));
    }

    private const string County = "130724/hrss";
    private const string City = "130700/hrss";
    private const string Province = "130000/hrss";

    /// <summary>The unit that handles the case answers it, with its own client.</summary>
    private async Task AnswerAsync(string caseId, string unit) => await platform.As(unit).PostJsonAsync($"/api/handling/cases/{caseId}/answer", new
    {
        outcome = "explain",
        opinion = "经核查，公司已支付大部分工资，剩余部分已进入劳动保障监察执法程序。",
        legalBasis = "《保障农民工工资支付条例》第五十四条",
    });

    private async Task<JsonElement> RequestReviewAsync(string caseId, string trackingCode, HttpStatusCode expected)
    {
        var response = await platform.Anonymous.PostAsJsonAsync($"/api/handling/cases/{caseId}/review-request",
            new { trackingCode, reason = "欠薪至今未全部支付，对处理意见不满意" });
        Assert.True(response.StatusCode == expected, $"review-request answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<JsonElement> TrackAsync(Registered petition, string status) => Eventually.HoldsAsync(
        () => Gateway.GetJsonAsync($"/api/track/{petition.TrackingCode}"),
        t => t.GetProperty("status").GetString() == status, because: $"the progress view shows {status}");
}
