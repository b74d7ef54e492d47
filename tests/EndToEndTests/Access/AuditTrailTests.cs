using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.EndToEndTests.Lifecycle;

namespace PetitionPlatform.EndToEndTests.Access;

/// <summary>
/// ACCESS.md rules 4 and 5 on the whole stack: the unit handling the Guyuan case reads the petitioner in clear through
/// the gateway, the city's bureau does not; the auditor finds the registration, the routing, the unit's acceptance and
/// its clear read in the trail, with the clients that made them, and the chain verifies.
/// </summary>
[Collection("platform")]
public sealed class AuditTrailTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_auditor_finds_who_registered_routed_read_and_accepted_the_Guyuan_case_and_the_chain_holds()
    {
        var petition = await platform.Portal.RegisterAsync(Petitions.GuyuanWageArrears());
        var caseId = (await platform.Gateway.CasesAsync(petition.PetitionId, 1))[0].GetProperty("caseId").GetString();
        using var hrss = platform.As("130724/hrss");

        var clear = await Eventually.HoldsAsync(() => hrss.GetAsync($"/api/intake/petitions/{petition.PetitionId}/personal-data"),
            r => r.StatusCode == HttpStatusCode.OK, because: "intake learns that the case is with the county's labour bureau");
        Assert.Equal("王建国", (await clear.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("petitioner").GetProperty("name").GetString());
        using var city = await platform.As("130700/petition-bureau").GetAsync($"/api/intake/petitions/{petition.PetitionId}/personal-data");
        Assert.Equal(HttpStatusCode.Forbidden, city.StatusCode);
        await hrss.PostJsonAsync($"/api/handling/cases/{caseId}/accept", new { by = "130724/hrss 劳动保障监察大队" });

        using var auditor = platform.As("auditor");
        var entries = await Eventually.HoldsAsync(
            async () => (await auditor.GetJsonAsync($"/api/audit/entries?petitionId={petition.PetitionId}")).GetProperty("entries"),
            e => e.EnumerateArray().Any(x => x.GetProperty("action").GetString() == "case.accepted"),
            because: "every service's entries reach the trail");
        var byAction = entries.EnumerateArray().ToLookup(e => e.GetProperty("action").GetString());

        Assert.Equal("portal", byAction["petition.registered"].Single().GetProperty("clientId").GetString());
        Assert.Equal("platform", byAction["routing.decided"].Single().GetProperty("actor").GetString());
        Assert.Equal("130724/hrss", byAction["petition.personal-data-read"].Single().GetProperty("clientId").GetString());
        Assert.Equal("130724/hrss", byAction["case.accepted"].Single().GetProperty("clientId").GetString());
        // One trace per petition: the entry of the registration names the trace of the request that made it.
        Assert.Matches("^[0-9a-f]{32}$", byAction["petition.registered"].Single().GetProperty("traceId").GetString());
        // Ids only: the trail holds nothing of what the petitioner said or who they are.
        Assert.DoesNotContain("王建国", entries.GetRawText());

        var verification = await auditor.GetJsonAsync("/api/audit/verification");
        Assert.True(verification.GetProperty("intact").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Gateway.GetAsync("/api/audit/verification")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Anonymous.GetAsync("/api/audit/entries")).StatusCode);
    }
}
