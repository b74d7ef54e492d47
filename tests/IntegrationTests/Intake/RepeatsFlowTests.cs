using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Contracts;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.IntegrationTests.Routing;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.TestSupport;

using PetitionPlatform.IntegrationTests.Identity;

namespace PetitionPlatform.IntegrationTests.Intake;

/// <summary>
/// Duplicates, repeats and terminated matters end to end: real intake, routing and supervision on one virtual host,
/// with the answer and the termination published on the bus as handling would publish them.
/// </summary>
[Collection("infrastructure")]
public sealed class RepeatsFlowTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private RoutingService _routing = null!;
    private ServiceFactory<IntakeDbContext> _intake = null!;
    private ServiceFactory<SupervisionDbContext> _supervision = null!;
    private HttpClient _client = null!;
    private HttpClient _reader = null!;

    public async Task InitializeAsync()
    {
        // Intake needs a client: registrations come from a portal's, reads from a bureau's.
        await SharedTokens.StartAsync(infrastructure);
        _routing = await RoutingService.StartAsync(infrastructure);
        _intake = new ServiceFactory<IntakeDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:intakedb"] = await infrastructure.CreateDatabaseAsync("intake"),
            ["ConnectionStrings:messaging"] = _routing.Messaging,
            ["Outbox:PollInterval"] = "00:00:00.500",
        }, DirectoryWiring.Through(_routing.Factory));
        _supervision = new ServiceFactory<SupervisionDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:supervisiondb"] = await infrastructure.CreateDatabaseAsync("supervision"),
            ["ConnectionStrings:messaging"] = _routing.Messaging,
            ["Outbox:PollInterval"] = "00:00:00.500",
        }, DirectoryWiring.Through(_routing.Factory));
        _client = _intake.As("portal");
        _reader = _intake.As("130000/petition-bureau");
        await Task.WhenAll(ServiceSet.Ready(_client), ServiceSet.Ready(_supervision.CreateClient()));
    }

    public async Task DisposeAsync()
    {
        await _supervision.DisposeAsync();
        await _intake.DisposeAsync();
        await _routing.DisposeAsync();
    }

    [Fact]
    public async Task The_same_person_on_the_same_open_matter_gets_a_duplicate_linked_to_it_and_no_second_routing()
    {
        var original = await RegisterAsync(SamplePetitions.GuyuanWageArrears());
        await RoutedAsync(original.Id);

        // Retold in other words, by phone this time, at the county bureau.
        var duplicate = await RegisterAsync(Retold(channel: "phone", receivedBy: "130724/petition-bureau"));

        Assert.Equal("duplicate", duplicate.Status);
        Assert.Equal(original.Id, duplicate.Answer.GetProperty("duplicateOf").GetString());
        Assert.Contains(original.Number, duplicate.Answer.GetProperty("note").GetString(), StringComparison.Ordinal);
        var record = await _reader.GetFromJsonAsync<JsonElement>($"/api/intake/petitions/{duplicate.Id}");
        Assert.Equal("duplicate", record.GetProperty("status").GetString());
        Assert.Equal(original.Id, record.GetProperty("duplicateOf").GetString());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("repeatOf").ValueKind);

        // The original's ledger lists it once the link travelled the bus; by then a registration would have been routed.
        var ledger = await LedgerAsync(original.Id, l => l.GetProperty("duplicates").GetArrayLength() == 1);
        Assert.Equal(duplicate.Id, ledger.GetProperty("duplicates")[0].GetProperty("petitionId").GetString());
        Assert.Equal(0, ledger.GetProperty("repeatCount").GetInt32());
        var duplicateLedger = await _supervision.As("130000/petition-bureau").GetFromJsonAsync<JsonElement>($"/api/supervision/petitions/{duplicate.Id}");
        Assert.Equal(original.Id, duplicateLedger.GetProperty("duplicateOf").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await (await _routing.ReaderForAsync(duplicate.Id)).GetAsync($"/api/routing/petitions/{duplicate.Id}")).StatusCode);
        Assert.Equal(
            ["PetitionPlatform.Contracts.AuditRecorded", "PetitionPlatform.Contracts.DuplicateSubmissionLinked", "PetitionPlatform.Contracts.PetitionerReceiptRequested"],
            await OutboxTypesAsync(duplicate.Id));
        // The link carries the hash of the duplicate's own query code (never the code), so its receipt can be read with it.
        var linked = JsonSerializer.Deserialize<JsonElement>((await _intake.InDatabaseAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.MessageType == "PetitionPlatform.Contracts.DuplicateSubmissionLinked").ToListAsync()))
            .Single(m => m.Body.Contains(duplicate.Id, StringComparison.Ordinal)).Body);
        var duplicateCode = duplicate.Answer.GetProperty("trackingCode").GetString()!;
        Assert.Equal(TrackingCodes.Hash(duplicateCode), linked.GetProperty("trackingCodeHash").GetString());
        Assert.DoesNotContain(duplicateCode, linked.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answered_matter_brought_back_is_a_repeat_routed_to_the_unit_that_answered_and_counted_on_the_ledger()
    {
        var original = await RegisterAsync(SamplePetitions.GuyuanWageArrears());
        var routed = await RoutedAsync(original.Id);
        var answeredBy = routed.GetProperty("responsibleOrgId").GetString()!;
        await AnswerAsync(original.Id, answeredBy);

        var repeat = await RegisterAsync(Retold());

        Assert.Equal("registered", repeat.Status);
        Assert.Equal(original.Id, repeat.Answer.GetProperty("repeatOf").GetString());
        var record = await _reader.GetFromJsonAsync<JsonElement>($"/api/intake/petitions/{repeat.Id}");
        Assert.Equal(original.Id, record.GetProperty("repeatOf").GetString());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("duplicateOf").ValueKind);

        // First time: assigned down from the province by the classification list. The repeat: straight back to the answerer.
        Assert.Equal("assign", routed.GetProperty("mode").GetString());
        var repeatRouting = await RoutedAsync(repeat.Id);
        Assert.Equal("transfer", repeatRouting.GetProperty("mode").GetString());
        Assert.Equal(answeredBy, repeatRouting.GetProperty("responsibleOrgId").GetString());
        Assert.Contains($"repeat petition (重复信访) of petition {original.Number}", repeatRouting.GetProperty("rule").GetString(), StringComparison.Ordinal);

        var ledger = await LedgerAsync(original.Id, l => l.GetProperty("repeatCount").GetInt32() == 1);
        Assert.Equal(repeat.Id, ledger.GetProperty("repeats")[0].GetProperty("petitionId").GetString());
        var repeatLedger = await LedgerAsync(repeat.Id, l => l.TryGetProperty("repeatOf", out _));
        Assert.Equal(original.Id, repeatLedger.GetProperty("repeatOf").GetString());
    }

    [Fact]
    public async Task Another_person_with_the_same_words_files_an_independent_petition()
    {
        var original = await RegisterAsync(SamplePetitions.GuyuanWageArrears());
        await RoutedAsync(original.Id);

        var neighbour = await RegisterAsync(Retold(petitioner: new { name = "李春生", idNumber = "130724198001010011", phone = "139 0013 9000" }));

        Assert.Equal("registered", neighbour.Status);
        Assert.False(neighbour.Answer.TryGetProperty("duplicateOf", out _));
        Assert.False(neighbour.Answer.TryGetProperty("repeatOf", out _));
        var routing = await RoutedAsync(neighbour.Id);
        Assert.Equal("assign", routing.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task A_terminated_matter_brought_back_is_registered_but_not_accepted_and_not_routed()
    {
        var original = await RegisterAsync(SamplePetitions.GuyuanWageArrears());
        var answeredBy = (await RoutedAsync(original.Id)).GetProperty("responsibleOrgId").GetString()!;
        await AnswerAsync(original.Id, answeredBy);
        await _routing.PublishAsync(new PetitionTerminated(
            Guid.Parse(original.Id), "130700/hrss", TerminationReasons.ReReviewAnswered, "130700/hrss", null, DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(
            () => _intake.InDatabaseAsync(db => db.MatterStates.AnyAsync(s => s.PetitionId == Guid.Parse(original.Id) && s.TerminatedAt != null)),
            terminated => terminated, because: "intake learns of the termination");

        var refused = await RegisterAsync(Retold());

        Assert.Equal("not-accepted-terminated", refused.Status);
        Assert.Equal(original.Id, refused.Answer.GetProperty("repeatOf").GetString());
        Assert.Contains("not accepted", refused.Answer.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["PetitionPlatform.Contracts.AuditRecorded", "PetitionPlatform.Contracts.PetitionerReceiptRequested", "PetitionPlatform.Contracts.TerminatedMatterResubmitted"],
            await OutboxTypesAsync(refused.Id));
        // No PetitionRegistered above, so routing never hears of it; and by the time it would have, it has not either.
        await Eventually.HoldsAsync(() => _intake.InDatabaseAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null)),
            unsent => unsent == 0, because: "intake's outbox publishes what the refusal wrote");
        Assert.Equal(HttpStatusCode.NotFound, (await (await _routing.ReaderForAsync(refused.Id)).GetAsync($"/api/routing/petitions/{refused.Id}")).StatusCode);
    }

    private static object Retold(string channel = "online", string receivedBy = "130000/petition-bureau", object? petitioner = null) => new
    {
        channel,
        kind = "complaint",
        topic = "wage-arrears",
        subject = "农业公司仍拖欠35名农民工工资28万元",
        content = "沽源县某农业公司至今拖欠我们35名农民工工资共计28万元，多次讨要未果，请求尽快督促支付。",
        regionCode = "130724102",
        receivedBy,
        petitioner = petitioner ?? new { name = "王建国", idNumber = "11010519491231002x", phone = "13800138000", address = "沽源县黄盖淖镇" },
        headcount = 35,
        representatives = new[] { "王建国", "李春生" },
    };

    private sealed record Registration(string Id, string Number, string Status, JsonElement Answer);

    private async Task<Registration> RegisterAsync(object body)
    {
        var response = await _client.RegisterAsync(body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Registration(answer.GetProperty("petitionId").GetString()!, answer.GetProperty("number").GetString()!,
            answer.GetProperty("status").GetString()!, answer);
    }

    /// <summary>Routing's decision, once intake has also heard of it (intake's own view decides duplicate or not).</summary>
    private async Task<JsonElement> RoutedAsync(string petitionId)
    {
        var decision = await Eventually.HoldsAsync(
            async () =>
            {
                var response = await (await _routing.ReaderForAsync(petitionId)).GetAsync($"/api/routing/petitions/{petitionId}");
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            },
            json => json.ValueKind == JsonValueKind.Object, because: "routing decides on the registered petition");
        await Eventually.HoldsAsync(
            () => _intake.InDatabaseAsync(db => db.MatterStates.AnyAsync(s => s.PetitionId == Guid.Parse(petitionId) && s.ResponsibleOrgId != null)),
            known => known, because: "intake learns where the petition went");
        return decision;
    }

    /// <summary>The unit answers, as handling announces it.</summary>
    private async Task AnswerAsync(string petitionId, string orgId)
    {
        var now = DateTimeOffset.UtcNow;
        await _routing.PublishAsync(new CaseAnswered(
            Guid.Parse(petitionId), Guid.NewGuid(), orgId, CaseStages.Original, Outcomes.Support,
            "The company must pay the wages owed within 30 days.", "Regulation on Labour Security Supervision, art. 26",
            now.AddDays(30), false, now));
        await Eventually.HoldsAsync(
            () => _intake.InDatabaseAsync(db => db.MatterStates.AnyAsync(s => s.PetitionId == Guid.Parse(petitionId) && s.AnsweredAt != null)),
            answered => answered, because: "intake learns of the answer");
    }

    private Task<JsonElement> LedgerAsync(string petitionId, Func<JsonElement, bool> condition) => Eventually.HoldsAsync(
        async () =>
        {
            var response = await _supervision.As("130000/petition-bureau").GetAsync($"/api/supervision/petitions/{petitionId}");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        },
        json => json.ValueKind == JsonValueKind.Object && condition(json), because: "supervision's ledger shows the link");

    /// <summary>The types of the events intake wrote about a petition, by name (the bodies are jsonb: read, then filtered here).</summary>
    private async Task<List<string>> OutboxTypesAsync(string petitionId)
    {
        var messages = await _intake.InDatabaseAsync(db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync());
        return [.. messages.Where(m => m.Body.Contains(petitionId, StringComparison.Ordinal)).Select(m => m.MessageType).Order(StringComparer.Ordinal)];
    }
}
