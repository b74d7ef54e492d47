using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.Audit.Data;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Audit;

/// <summary>The audit service on its own fresh database, on the virtual host whose services send it their entries.</summary>
internal static class AuditHost
{
    public static async Task<ServiceFactory<AuditDbContext>> StartAsync(SharedInfrastructure infrastructure, string messaging)
    {
        await Identity.SharedTokens.StartAsync(infrastructure);
        var audit = new ServiceFactory<AuditDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:auditdb"] = await infrastructure.CreateDatabaseAsync("audit"),
            ["ConnectionStrings:messaging"] = messaging,
            ["Outbox:PollInterval"] = "00:00:00.500",
        });
        await ServiceSet.Ready(audit.CreateClient());
        return audit;
    }

    /// <summary>The trail's entries that <paramref name="query"/> selects, as the auditor reads them.</summary>
    public static async Task<List<JsonElement>> EntriesAsync(this ServiceFactory<AuditDbContext> audit, string query) =>
        [.. (await audit.As("auditor").GetFromJsonAsync<JsonElement>($"/api/audit/entries?{query}")).GetProperty("entries").EnumerateArray()];

    public static async Task<JsonElement> VerificationAsync(this ServiceFactory<AuditDbContext> audit) =>
        await audit.As("auditor").GetFromJsonAsync<JsonElement>("/api/audit/verification");
}
