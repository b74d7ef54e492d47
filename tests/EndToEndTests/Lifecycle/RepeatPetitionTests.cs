using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PetitionPlatform.EndToEndTests.Lifecycle;

/// <summary>The same person's same matter, registered again: linked to the first, never a second clock for nothing.</summary>
[Collection("platform")]
public sealed class RepeatPetitionTests(PlatformFixture platform)
{
    private HttpClient Gateway => platform.Gateway;

    [Fact]
    public async Task A_matter_submitted_again_while_open_is_a_duplicate_with_no_second_case()
    {
        var first = await platform.Portal.RegisterAsync(Housing("130724197505054566"));
        await Gateway.CasesAsync(first.PetitionId, 1);

        var again = await RegisterRawAsync(Housing("130724197505054566"));

        Assert.Equal(first.PetitionId, again.GetProperty("duplicateOf").GetString());
        var record = await Gateway.GetJsonAsync($"/api/intake/petitions/{again.GetProperty("petitionId").GetString()}");
        Assert.Equal("duplicate", record.GetProperty("status").GetString());
        Assert.Single((await Gateway.GetJsonAsync($"/api/handling/petitions/{first.PetitionId}/cases")).EnumerateArray());
        var routed = await Gateway.GetAsync($"/api/routing/petitions/{again.GetProperty("petitionId").GetString()}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, routed.StatusCode);

        // The duplicate has its own query code, and with it the petitioner reads the receipt sent for it.
        var duplicateId = again.GetProperty("petitionId").GetString()!;
        var messages = await Gateway.PetitionerMessagesAsync(again.GetProperty("trackingCode").GetString()!,
            m => m.Templates(duplicateId).Contains("receipt"), because: "the duplicate's receipt is listed under its query code");
        Assert.Equal(["receipt"], messages.Templates(duplicateId));
        Assert.Empty(messages.Templates(first.PetitionId));
    }

    [Fact]
    public async Task A_matter_answered_and_submitted_again_is_a_repeat_counted_and_sent_back_to_the_unit_that_answered()
    {
        var first = await platform.Portal.RegisterAsync(WageArrears("130724198001011233"));
        var caseId = (await Gateway.CasesAsync(first.PetitionId, 1))[0].GetProperty("caseId").GetString();
        using var hrss = platform.As("130724/hrss");
        await hrss.PostJsonAsync($"/api/handling/cases/{caseId}/accept", new { by = "130724/hrss" });
        await hrss.PostJsonAsync($"/api/handling/cases/{caseId}/answer", new { outcome = "explain", opinion = "企业已进入破产程序，请依法申报债权。", legalBasis = "《企业破产法》" });
        // Intake learns of the answer through its own queue; only then can it tell a repeat from a duplicate.
        await Eventually.HoldsAsync(() => Gateway.GetJsonAsync($"/api/intake/dev/messaging?petitionId={first.PetitionId}"),
            view => view.GetProperty("inbox").EnumerateArray().Any(m => m.GetProperty("messageType").GetString() == "CaseAnswered"),
            because: "intake records the answer");

        var repeat = await RegisterRawAsync(WageArrears("130724198001011233"));

        Assert.Equal(first.PetitionId, repeat.GetProperty("repeatOf").GetString());
        var decision = await Gateway.RoutingDecisionAsync(repeat.GetProperty("petitionId").GetString()!);
        Assert.Equal("130724/hrss", decision.GetProperty("responsibleOrgId").GetString());
        Assert.Contains(first.Number, decision.GetProperty("rule").GetString());
        var ledger = await Eventually.HoldsAsync(() => Gateway.GetJsonAsync($"/api/supervision/petitions/{first.PetitionId}"),
            l => l.TryGetProperty("repeatCount", out var count) && count.GetInt32() >= 1, because: "the original's ledger counts the repeat");
        Assert.Equal(1, ledger.GetProperty("repeatCount").GetInt32());
    }

    private async Task<JsonElement> RegisterRawAsync(JsonObject body)
    {
        var response = await platform.Portal.PostAsJsonAsync("/api/intake/petitions", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonObject WageArrears(string idNumber) => new()
    {
        ["channel"] = "phone",
        ["kind"] = "complaint",
        ["topic"] = "wage-arrears",
        ["subject"] = "建筑公司拖欠本人工资三个月",
        ["content"] = "沽源县某建筑公司拖欠本人2026年7月至9月工资共计一万五千元，多次讨要未果，请求帮助追讨。",
        ["regionCode"] = "130724100",
        ["receivedBy"] = "130724/petition-bureau",
        ["petitioner"] = new JsonObject { ["name"] = "周海", ["idNumber"] = idNumber },
    };

    private static JsonObject Housing(string idNumber) => new()
    {
        ["channel"] = "online",
        ["kind"] = "complaint",
        ["topic"] = "property-management",
        ["subject"] = "小区物业乱收车库费",
        ["content"] = "沽源县某小区物业公司自行提高车库管理费，未经业主大会同意，请求查处。",
        ["regionCode"] = "130724",
        ["petitioner"] = new JsonObject { ["name"] = "吴兰", ["idNumber"] = idNumber },
    };
}
