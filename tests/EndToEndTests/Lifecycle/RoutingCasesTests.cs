using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PetitionPlatform.EndToEndTests.Lifecycle;

/// <summary>Where the classification list sends other kinds of matter, observed through the gateway.</summary>
[Collection("platform")]
public sealed class RoutingCasesTests(PlatformFixture platform)
{
    private HttpClient Gateway => platform.Gateway;

    [Fact]
    public async Task A_neighbour_dispute_in_Huanggainao_goes_to_the_township_government()
    {
        var petition = await platform.Portal.RegisterAsync(Petitions.HuanggainaoNeighbourDispute());

        var decision = await Gateway.RoutingDecisionAsync(petition.PetitionId);

        Assert.Equal("130724102/township-gov", decision.GetProperty("responsibleOrgId").GetString());
        Assert.Equal("130724/petition-bureau", decision.GetProperty("path")[0].GetString());
        Assert.Equal("transfer", decision.GetProperty("mode").GetString());
        var opened = (await Gateway.CasesAsync(petition.PetitionId, 1))[0];
        Assert.Equal("130724102/township-gov", opened.GetProperty("orgId").GetString());
    }

    [Fact]
    public async Task A_court_case_is_guided_to_the_legal_procedure_and_opens_no_case()
    {
        var petition = await platform.Portal.RegisterAsync(Petitions.CourtCase());

        var decision = await Gateway.RoutingDecisionAsync(petition.PetitionId);
        Assert.Equal("guide-to-legal", decision.GetProperty("mode").GetString());
        Assert.Equal("130724/court", decision.GetProperty("responsibleOrgId").GetString());

        var track = await Eventually.HoldsAsync(() => Gateway.GetJsonAsync($"/api/track/{petition.TrackingCode}"),
            t => t.GetProperty("status").GetString() == "guided-to-legal-procedure", because: "the petitioner sees the legal route");
        Assert.False(track.GetProperty("canRequestReview").GetBoolean());
        await platform.Anonymous.NotificationsAsync(petition.TrackingCode,
            n => n.Templates(petition.PetitionId).Contains("not-accepted-legal-route"), because: "the petitioner is told which procedure");
        await platform.As("130724/court").NotificationsAsync("130724/court",
            n => n.Templates(petition.PetitionId).Contains("legal-procedure"), because: "the court is told");
        // By now handling has consumed the decision too (the court's message came after it): still no case.
        Assert.Equal(0, (await Gateway.GetJsonAsync($"/api/handling/petitions/{petition.PetitionId}/cases")).GetArrayLength());
    }

    [Fact]
    public async Task A_misconduct_report_reaches_discipline_inspection_and_no_other_unit()
    {
        var petition = await platform.Portal.RegisterAsync(Petitions.MisconductReport());

        // Only discipline inspection sees the report's routing; for the bureaus it does not exist.
        var decision = await platform.As("130724/discipline").RoutingDecisionAsync(petition.PetitionId);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await Gateway.GetAsync($"/api/routing/petitions/{petition.PetitionId}")).StatusCode);
        Assert.Equal("forward-to-discipline", decision.GetProperty("mode").GetString());
        Assert.Equal("130724/discipline", decision.GetProperty("responsibleOrgId").GetString());
        Assert.Equal(["130724/petition-bureau", "130724/discipline"], decision.GetProperty("path").EnumerateArray().Select(p => p.GetString()));

        // The report's case is visible to discipline inspection, and the bureaus see no trace of it.
        await platform.As("130724/discipline").CasesAsync(petition.PetitionId, 1);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await Gateway.GetAsync($"/api/handling/petitions/{petition.PetitionId}/cases")).StatusCode);
        await platform.As("130724/discipline").NotificationsAsync("130724/discipline", n => n.Templates(petition.PetitionId).Contains("new-case"), because: "discipline inspection is told");
        var units = await Gateway.GetJsonAsync("/api/routing/organizations?regionCode=130724");
        var others = units.EnumerateArray().Select(u => u.GetProperty("id").GetString()!)
            .Where(id => id != "130724/discipline")
            .Concat(["130700/petition-bureau", "130000/petition-bureau", "130724102/township-gov"])
            .ToList();
        Assert.Contains("130724/petition-bureau", others);
        foreach (var org in others)
        {
            // Each unit and bureau lists its own cases with its own client: the report is in none of them.
            var cases = await platform.As(org).GetAllJsonAsync($"/api/handling/cases?orgId={org}");
            Assert.DoesNotContain(cases.EnumerateArray(), c => c.GetProperty("petitionId").GetString() == petition.PetitionId);
            var notifications = await platform.As(org).GetAllJsonAsync($"/api/notifications?recipient={Uri.EscapeDataString(org)}");
            Assert.Empty(notifications.Templates(petition.PetitionId));
        }
        // By id, in the ledger and in the notices: the bureaus find nothing, discipline finds it.
        using var discipline = platform.As("130724/discipline");
        foreach (var path in new[] { $"/api/intake/petitions/{petition.PetitionId}", $"/api/intake/petitions/{petition.PetitionId}/personal-data",
                     $"/api/supervision/petitions/{petition.PetitionId}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Gateway.GetAsync(path)).StatusCode);
            await Eventually.HoldsAsync(async () => (await discipline.GetAsync(path)).StatusCode, status => status == HttpStatusCode.OK,
                because: $"discipline inspection reads {path}");
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await Gateway.GetAsync("/api/supervision/notices?orgId=130724/discipline")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_problems_and_registers_nothing()
    {
        // Anji county is used by no other test: consecutive numbers prove nothing was registered in between.
        var before = await platform.Portal.RegisterAsync(AnjiUtilities());

        var unknownRegion = AnjiUtilities();
        unknownRegion["regionCode"] = "330599";
        var unknownTopic = AnjiUtilities();
        unknownTopic["topic"] = "ufo-sightings";
        var tooManyRepresentatives = AnjiUtilities();
        tooManyRepresentatives["headcount"] = 8;
        tooManyRepresentatives["representatives"] = new System.Text.Json.Nodes.JsonArray("甲", "乙", "丙", "丁", "戊", "己");
        var noContent = AnjiUtilities();
        noContent.Remove("content");
        foreach (var (body, field) in new[] { (unknownRegion, "regionCode"), (unknownTopic, "topic"), (tooManyRepresentatives, "representatives"), (noContent, "content") })
        {
            var response = await platform.Portal.PostAsJsonAsync("/api/intake/petitions", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), $"the problem names '{field}'");
        }

        var after = await platform.Portal.RegisterAsync(AnjiUtilities());
        Assert.Equal(long.Parse(before.Number[^5..]) + 1, long.Parse(after.Number[^5..]));
    }

    private static System.Text.Json.Nodes.JsonObject AnjiUtilities() => new()
    {
        ["channel"] = "phone",
        ["kind"] = "complaint",
        ["topic"] = "utilities",
        ["subject"] = "小区冬季供暖不足",
        ["content"] = "安吉县某小区供暖温度长期不达标。",
        ["regionCode"] = "330523",
        ["petitioner"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "钱文", ["phone"] = "13900000003" },
    };
}
