using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using PetitionPlatform.EndToEndTests.Dashboard;
using PetitionPlatform.EndToEndTests.Lifecycle;

namespace PetitionPlatform.EndToEndTests.Access;

/// <summary>
/// ACCESS.md rule 4 and the scan: a petitioner whose name, ID number, phone and address appear nowhere else is
/// taken through registration, routing, acceptance, a clear read, the answer and a review request; then every table of
/// every service's database (outboxes, inboxes and the audit trail included: every message the broker carried left
/// through an outbox), and every log record and span the services exported, are searched for those values. Intake's
/// sealed columns are bytes, so a value found anywhere is a leak.
/// </summary>
[Collection("platform")]
public sealed class PersonalDataScanTests(PlatformFixture platform)
{
    [Fact]
    public async Task No_personal_data_of_a_petitioner_is_in_clear_in_any_table_log_record_or_span()
    {
        var petitioner = new
        {
            name = "欧阳明远",
            idNumber = Petitions.NewIdNumber(),
            phone = $"1390724{Random.Shared.Next(0, 10_000):0000}",
            address = $"沽源县平定堡镇北街{Random.Shared.Next(100, 1000)}号",
        };
        var petition = Petitions.GuyuanWageArrears();
        petition["petitioner"] = JsonSerializer.SerializeToNode(petitioner);
        petition["representatives"] = new JsonArray(petitioner.name, "司马青禾");
        var registered = await platform.Portal.RegisterAsync(petition);
        var caseId = (await platform.Gateway.CasesAsync(registered.PetitionId, 1))[0].GetProperty("caseId").GetString();
        using var hrss = platform.As("130724/hrss");
        await hrss.PostJsonAsync($"/api/handling/cases/{caseId}/accept", new { by = "130724/hrss 劳动保障监察大队" });
        // Intake learns from handling's event that the case is with the unit; until then the unit is refused.
        await Eventually.HoldsAsync(async () => (await hrss.GetAsync($"/api/intake/petitions/{registered.PetitionId}/personal-data")).StatusCode,
            status => status == HttpStatusCode.OK, because: "the unit handling the case reads the petitioner in clear");
        await hrss.PostJsonAsync($"/api/handling/cases/{caseId}/answer", new { outcome = "explain", opinion = "已向企业核实并督促。", legalBasis = "《信访工作条例》第三十二条" });
        await platform.Anonymous.PostJsonAsync($"/api/handling/cases/{caseId}/review-request", new { trackingCode = registered.TrackingCode, reason = "对处理意见不服" });
        // By the time the review case is open and the petitioner was told, every service has handled the petition.
        await platform.Gateway.CasesAsync(registered.PetitionId, 2);
        await platform.Anonymous.NotificationsAsync(registered.TrackingCode,
            n => n.Templates(registered.PetitionId).Contains("review-opened"), because: "the petitioner is told the review opened");

        // This petitioner's data, and that of the Guyuan petitioner every other test of the suite registers: whatever ran
        // before this test is scanned too.
        string[] values = [petitioner.name, "司马青禾", petitioner.idNumber, petitioner.phone, petitioner.address, "王建国", "李春生", "13800138000"];
        var found = new List<string>();
        found.AddRange(await InDatabasesAsync(values));
        found.AddRange(await InTelemetryAsync(values));

        Assert.True(found.Count == 0, "Personal data in clear:\n" + string.Join("\n", found));
        // The same search finds what is meant to be there (the number in intake and handling's ledger of it, the petition's
        // id in the spans), so an empty result above is a scan that looked, not one that missed everything.
        Assert.Contains(await InDatabasesAsync([registered.Number]), hit => hit.StartsWith("intakedb: public.petitions ", StringComparison.Ordinal));
        Assert.Contains(await InTelemetryAsync([registered.PetitionId]), hit => hit.StartsWith("spans of intake ", StringComparison.Ordinal));
    }

    /// <summary>Every row of every table of every database, as text (bytes show as hex), searched for each value.</summary>
    private async Task<List<string>> InDatabasesAsync(string[] values)
    {
        var found = new List<string>();
        foreach (var database in platform.Databases())
        {
            await using var connection = new NpgsqlConnection(await database.GetConnectionStringAsync());
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand(
                "SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables " +
                "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                foreach (var value in values.SelectMany(Forms))
                {
                    // The table name comes from the catalogue, quoted by format('%I'); the value is a parameter.
                    await using var search = new NpgsqlCommand($"SELECT count(*) FROM {table} t WHERE strpos(t::text, @value) > 0", connection);
                    search.Parameters.AddWithValue("value", value);
                    if ((long)(await search.ExecuteScalarAsync())! > 0)
                    {
                        found.Add($"{database.Name}: {table} holds '{value}'");
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The log records and spans the dashboard received from every service.</summary>
    private async Task<List<string>> InTelemetryAsync(string[] values)
    {
        var found = new List<string>();
        var exports = new List<(string What, string Body)>
        {
            ("logs", await platform.DashboardApi.GetStringAsync(new Uri("/api/telemetry/logs?limit=10000", UriKind.Relative))),
        };
        foreach (var service in DashboardTelemetry.RegistrationServices.Append("identity").Append("audit"))
        {
            exports.Add(($"spans of {service}",
                await platform.DashboardApi.GetStringAsync(new Uri($"/api/telemetry/spans?resource={service}&limit=10000", UriKind.Relative))));
        }

        foreach (var (what, body) in exports)
        {
            found.AddRange(values.SelectMany(Forms).Where(v => body.Contains(v, StringComparison.Ordinal)).Select(v => $"{what} hold '{v}'"));
        }

        return found;
    }

    /// <summary>A value as text, and as JSON writes it with non-ASCII letters escaped (how System.Text.Json stores text).</summary>
    private static IEnumerable<string> Forms(string value) => new[] { value, JsonSerializer.Serialize(value)[1..^1] }.Distinct();
}
