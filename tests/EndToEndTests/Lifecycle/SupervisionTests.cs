using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace PetitionPlatform.EndToEndTests.Lifecycle;

/// <summary>Supervisors see, warn and escalate: notices at the right instants, each once, delivered to the units.</summary>
[Collection("platform")]
public sealed class SupervisionTests(PlatformFixture platform)
{
    private HttpClient Gateway => platform.Gateway;

    [Fact]
    public async Task An_unanswered_case_gets_a_reminder_an_overdue_notice_and_escalations_one_level_at_a_time_each_once()
    {
        var body = Petitions.GuyuanWageArrears();
        body["receivedBy"] = "130724/petition-bureau";
        body["headcount"] = 1;
        body.Remove("representatives");
        var petition = await platform.Portal.RegisterAsync(body);
        var caseId = (await Gateway.CasesAsync(petition.PetitionId, 1))[0].GetProperty("caseId").GetString();
        var accepted = await platform.As("130724/hrss").PostJsonAsync($"/api/handling/cases/{caseId}/accept", new { by = "130724/hrss" });
        var due = accepted.GetProperty("dueBy").GetDateTimeOffset();
        // The ledger must know the handling clock before an evaluation can watch it.
        await Eventually.HoldsAsync(() => Gateway.GetJsonAsync($"/api/supervision/petitions/{petition.PetitionId}"),
            l => l.GetProperty("stages").EnumerateArray().Any(s => s.GetProperty("stage").GetString() == "handling"), because: "the ledger has the handling clock");

        var reminder = await EvaluateAsync(due.AddDays(-3), petition.PetitionId);
        var overdue = await EvaluateAsync(due.AddDays(1), petition.PetitionId);
        var firstEscalation = await EvaluateAsync(due.AddDays(8), petition.PetitionId);
        var secondEscalation = await EvaluateAsync(due.AddDays(15), petition.PetitionId);
        var repeated = await EvaluateAsync(due.AddDays(15), petition.PetitionId);
        var later = await EvaluateAsync(due.AddDays(40), petition.PetitionId);

        var reminded = Assert.Single(reminder);
        Assert.Equal(("reminder", "130724/hrss"), (reminded.GetProperty("kind").GetString(), reminded.GetProperty("orgId").GetString()));
        var late = Assert.Single(overdue);
        Assert.Equal(("overdue", "130724/hrss"), (late.GetProperty("kind").GetString(), late.GetProperty("orgId").GetString()));
        Assert.Contains("130700/hrss", late.GetProperty("copiedToOrgIds").EnumerateArray().Select(o => o.GetString()));
        var up1 = Assert.Single(firstEscalation);
        Assert.Equal(("escalation", 1, "130700/joint-conference"), (up1.GetProperty("kind").GetString(), up1.GetProperty("level").GetInt32(), up1.GetProperty("orgId").GetString()));
        var up2 = Assert.Single(secondEscalation);
        Assert.Equal(("escalation", 2, "130000/joint-conference"), (up2.GetProperty("kind").GetString(), up2.GetProperty("level").GetInt32(), up2.GetProperty("orgId").GetString()));
        Assert.Empty(repeated);
        Assert.Empty(later);

        var ledger = await Gateway.GetJsonAsync($"/api/supervision/petitions/{petition.PetitionId}");
        // Early-warning alerts (a topic spike across the suite's Guyuan petitions) may sit beside the deadline notices.
        Assert.Equal(4, ledger.GetProperty("notices").EnumerateArray().Count(n => n.GetProperty("kind").GetString() != "alert"));
        await platform.As("130700/hrss").NotificationsAsync("130700/hrss", n => n.Templates(petition.PetitionId).Contains("supervision-overdue"),
            because: "the superior receives its copy of the overdue notice");
        await platform.As("130000/joint-conference").NotificationsAsync("130000/joint-conference", n => n.Templates(petition.PetitionId).Contains("supervision-escalation"),
            because: "the province joint conference receives the second escalation");
    }

    [Fact]
    public async Task A_collective_petition_raises_an_alert_to_the_county_bureau_and_its_superior_at_once()
    {
        var petition = await platform.Portal.RegisterAsync(Petitions.GuyuanWageArrears());

        var notices = await Eventually.HoldsAsync(() => Gateway.GetAllJsonAsync("/api/supervision/notices?orgId=130724/petition-bureau"),
            n => n.EnumerateArray().Any(x => x.GetProperty("petitionId").GetString() == petition.PetitionId), because: "the alert is raised on registration");
        var alert = notices.EnumerateArray().Single(x => x.GetProperty("petitionId").GetString() == petition.PetitionId);
        Assert.Equal("alert", alert.GetProperty("kind").GetString());
        Assert.Contains("130700/petition-bureau", alert.GetProperty("copiedToOrgIds").EnumerateArray().Select(o => o.GetString()));
        await platform.As("130724/petition-bureau").NotificationsAsync("130724/petition-bureau", n => n.Templates(petition.PetitionId).Contains("supervision-alert"),
            because: "the county bureau receives the alert in writing");
    }

    private async Task<List<JsonElement>> EvaluateAsync(DateTimeOffset asOf, string petitionId)
    {
        var response = await Gateway.PostAsync($"/api/supervision/dev/evaluate?asOf={Uri.EscapeDataString(asOf.ToString("O", CultureInfo.InvariantCulture))}", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. issued.EnumerateArray().Where(n => n.GetProperty("petitionId").GetString() == petitionId)];
    }
}
