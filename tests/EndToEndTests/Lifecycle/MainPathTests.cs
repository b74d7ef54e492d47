using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PetitionPlatform.EndToEndTests.Lifecycle;

/// <summary>
/// The seeds' Guyuan case through every service: submitted online to the province bureau, assigned via the city to
/// the county's labour bureau, accepted, answered and rated; the petitioner follows it with the query code.
/// </summary>
[Collection("platform")]
public sealed class MainPathTests(PlatformFixture platform)
{
    private HttpClient Gateway => platform.Gateway;

    [Fact]
    public async Task Guyuan_wage_arrears_reach_the_county_labour_bureau_via_the_city_and_are_answered_and_rated()
    {
        var petition = await platform.Portal.RegisterAsync(Petitions.GuyuanWageArrears());

        var decision = await Gateway.RoutingDecisionAsync(petition.PetitionId);
        Assert.Equal("130724/hrss", decision.GetProperty("responsibleOrgId").GetString());
        Assert.Equal(["130000/petition-bureau", "130700/petition-bureau", "130724/hrss"],
            decision.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        // The province bureau is two levels above the county: it assigns, with a report-back.
        Assert.Equal("assign", decision.GetProperty("mode").GetString());
        Assert.Contains("wage-arrears", decision.GetProperty("rule").GetString());

        var opened = (await Gateway.CasesAsync(petition.PetitionId, 1))[0];
        var caseId = opened.GetProperty("caseId").GetString();
        Assert.Equal("130724/hrss", opened.GetProperty("orgId").GetString());
        Assert.Equal("awaiting-acceptance", opened.GetProperty("status").GetString());
        // Guyuan's labour bureau acts on its case with its own client; the petitioner rates it with the query code alone.
        using var hrss = platform.As("130724/hrss");
        var unitCases = await hrss.GetAllJsonAsync("/api/handling/cases?orgId=130724/hrss");
        Assert.Contains(unitCases.EnumerateArray(), c => c.GetProperty("caseId").GetString() == caseId);

        var accepted = await hrss.PostJsonAsync($"/api/handling/cases/{caseId}/accept", new { by = "130724/hrss 劳动保障监察大队" });
        Assert.Equal("in-progress", accepted.GetProperty("status").GetString());
        var answered = await hrss.PostJsonAsync($"/api/handling/cases/{caseId}/answer", new
        {
            outcome = "support",
            opinion = "经劳动保障监察大队调查，该公司拖欠工资属实，已责令其于十日内足额支付。",
            legalBasis = "《保障农民工工资支付条例》第五十四条",
        });
        Assert.Equal("answered", answered.GetProperty("status").GetString());

        var impostor = await platform.Anonymous.PostAsJsonAsync($"/api/handling/cases/{caseId}/evaluation", new { trackingCode = "AAAA-BBBB-CCCC-DDDD", rating = "dissatisfied" });
        Assert.Equal(HttpStatusCode.Forbidden, impostor.StatusCode);
        var rated = await platform.Anonymous.PostJsonAsync($"/api/handling/cases/{caseId}/evaluation", new { trackingCode = petition.TrackingCode, rating = "satisfied" });
        Assert.Equal("evaluated", rated.GetProperty("status").GetString());
        var again = await hrss.PostAsJsonAsync($"/api/handling/cases/{caseId}/accept", new { by = "someone" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var track = await Eventually.HoldsAsync(() => Gateway.GetJsonAsync($"/api/track/{petition.TrackingCode}"),
            t => t.GetProperty("status").GetString() == "evaluated", because: "the progress view follows the case");
        Assert.Equal(petition.Number, track.GetProperty("number").GetString());
        Assert.Equal("support", track.GetProperty("answer").GetProperty("outcome").GetString());
        Assert.True(track.GetProperty("steps").GetArrayLength() >= 4);
        var trackText = track.GetRawText();
        Assert.DoesNotContain("王建国", trackText);
        Assert.DoesNotContain("13800138000", trackText);

        var ledger = await Gateway.GetJsonAsync($"/api/supervision/petitions/{petition.PetitionId}");
        var stages = ledger.GetProperty("stages").EnumerateArray().ToList();
        foreach (var stage in new[] { "intake-decision", "acceptance", "handling" })
        {
            var found = stages.Single(s => s.GetProperty("stage").GetString() == stage);
            Assert.True(found.TryGetProperty("doneAt", out var doneAt) && doneAt.ValueKind == JsonValueKind.String, $"{stage} is done");
            Assert.False(found.GetProperty("overdue").GetBoolean());
        }

        // Each event reaches notification on its own queue (one may wait for the registration and retry), so the
        // messages need not arrive in order; all four must arrive.
        var toPetitioner = await platform.Anonymous.NotificationsAsync(petition.TrackingCode,
            n => new HashSet<string> { "receipt", "transferred", "accepted", "answered" }.IsSubsetOf(n.Templates(petition.PetitionId)),
            because: "the petitioner is told of each step");
        var receipt = toPetitioner.EnumerateArray().First(n => n.GetProperty("template").GetString() == "receipt");
        Assert.Contains(petition.Number, receipt.GetProperty("text").GetString());
        // The code went out with the receipt; the copy kept afterwards shows only its last group.
        Assert.Contains($"****-****-****-{petition.TrackingCode[^4..]}", receipt.GetProperty("text").GetString());
        Assert.DoesNotContain(petition.TrackingCode, receipt.GetProperty("text").GetString());
        var toUnit = await platform.As("130724/hrss").NotificationsAsync("130724/hrss", n => n.Templates(petition.PetitionId).Contains("new-case"), because: "the unit is told of its new case");
        Assert.Contains("new-case", toUnit.Templates(petition.PetitionId));
    }
}
