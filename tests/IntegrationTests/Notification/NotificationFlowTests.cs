using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Notification;

[Collection("infrastructure")]
public sealed class NotificationFlowTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private NotificationHost _host = null!;

    public async Task InitializeAsync() => _host = await NotificationHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_lifecycle_reaches_the_petitioner_by_query_code_and_the_unit_by_org_id()
    {
        var petitionId = Guid.NewGuid();
        var caseId = Guid.NewGuid();
        await _host.PublishAsync(GuyuanEvents.Registered(petitionId));
        await _host.WaitUntilProcessedAsync(petitionId, 1);
        await _host.PublishAsync(GuyuanEvents.Receipt(petitionId, _host.Sealing));
        await _host.PublishAsync(GuyuanEvents.Routed(petitionId, RoutingModes.Assign, "130000/petition-bureau", "130724/hrss", "沽源县人力资源和社会保障局"));
        await _host.PublishAsync(GuyuanEvents.Opened(petitionId, caseId, "130724/hrss", RoutingModes.Assign));
        await _host.PublishAsync(new CaseAccepted(petitionId, caseId, "130724/hrss", CaseStages.Original, "130724/hrss",
            new DateTimeOffset(2026, 5, 11, 23, 59, 59, TimeSpan.FromHours(8)), false, GuyuanEvents.At.AddDays(3)));
        await _host.PublishAsync(new CaseAnswered(petitionId, caseId, "130724/hrss", CaseStages.Original, Outcomes.Support,
            "责令该公司于十日内足额支付拖欠的28万元工资。", "《保障农民工工资支付条例》第三十条",
            new DateTimeOffset(2026, 5, 20, 23, 59, 59, TimeSpan.FromHours(8)), false, GuyuanEvents.At.AddDays(40)));

        var unit = Assert.Single(await _host.SentToAsync("130724/hrss", petitionId, 1));
        Assert.Equal("new-case", unit.GetProperty("template").GetString());
        Assert.Equal("internal", unit.GetProperty("channel").GetString());
        Assert.Equal("130724/hrss", unit.GetProperty("recipient").GetString());
        Assert.Contains("130724-20260302-00017", Text(unit), StringComparison.Ordinal);
        Assert.Contains("2026年5月31日前报送办结报告", Text(unit), StringComparison.Ordinal);
        Assert.True(unit.TryGetProperty("sentAt", out _));

        var petitioner = await _host.SentToAsync(GuyuanEvents.TrackingCode, petitionId, 4);
        Assert.Equal(["accepted", "answered", "receipt", "transferred"], petitioner.Select(m => m.GetProperty("template").GetString()).Order());
        var (paged, pages) = await Pages.ReadAllAsync(_host.Client, $"/api/notifications?recipient={GuyuanEvents.TrackingCode}&petitionId={petitionId}&limit=1");
        Assert.Equal(4, pages);
        Assert.Equal(petitioner.Select(m => m.GetProperty("id").GetString()), paged.Select(m => m.GetProperty("id").GetString()));
        Assert.All(petitioner, m => Assert.Equal("petitioner", m.GetProperty("recipient").GetString()));
        Assert.All(petitioner, m => Assert.Equal("sms", m.GetProperty("channel").GetString()));
        Assert.Contains("沽源县人力资源和社会保障局", Text(petitioner.Single(m => m.GetProperty("template").GetString() == "transferred")), StringComparison.Ordinal);
        var answer = Text(petitioner.Single(m => m.GetProperty("template").GetString() == "answered"));
        Assert.Contains("处理结果：支持", answer, StringComparison.Ordinal);
        Assert.Contains("2026年5月20日前", answer, StringComparison.Ordinal);

        // The kept receipt does not hand the query code to whoever reads the table later.
        var receipt = Text(petitioner.Single(m => m.GetProperty("template").GetString() == "receipt"));
        Assert.DoesNotContain(GuyuanEvents.TrackingCode, receipt, StringComparison.Ordinal);
        Assert.Contains("****-****-****-PB4T", receipt, StringComparison.Ordinal);

        // Every delivery is announced to the platform, in the outbox of the same transaction.
        var sent = await Eventually.HoldsAsync(
            () => _host.InDatabaseAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageType.EndsWith(nameof(NotificationSent)))),
            count => count == 5);
        Assert.Equal(5, sent);
    }

    [Fact]
    public async Task The_query_code_is_accepted_however_it_is_typed_and_only_the_petitioners_messages_come_back()
    {
        var petitionId = Guid.NewGuid();
        await _host.PublishAsync(GuyuanEvents.Registered(petitionId, channel: "online"));
        await _host.PublishAsync(GuyuanEvents.Receipt(petitionId, _host.Sealing, channel: "online"));
        await _host.SentToAsync(GuyuanEvents.TrackingCode, petitionId, 1);

        var typed = await _host.MessagesForAsync(GuyuanEvents.TrackingCode.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());

        var receipt = Assert.Single(typed);
        Assert.Equal("online", receipt.GetProperty("channel").GetString());
        Assert.Empty(await _host.MessagesForAsync("130000/petition-bureau"));
    }

    [Fact]
    public async Task A_redelivered_event_writes_its_message_once()
    {
        var petitionId = Guid.NewGuid();
        await _host.PublishAsync(GuyuanEvents.Registered(petitionId));
        await _host.WaitUntilProcessedAsync(petitionId, 1);
        using var duplicates = MessagingCounter.Duplicates();
        var opened = GuyuanEvents.Opened(petitionId, Guid.NewGuid(), "130724/hrss", RoutingModes.Transfer);
        var messageId = Guid.NewGuid();

        // What another service's outbox does after a crash between the broker's confirm and marking its row sent.
        await _host.PublishAsync(opened, messageId);
        await _host.PublishAsync(opened, messageId);

        await Eventually.HoldsAsync(() => Task.FromResult(duplicates.Count), count => count >= 1, because: "the second copy arrives and is recognised");
        var message = Assert.Single(await _host.SentToAsync("130724/hrss", petitionId, 1));
        Assert.Equal("new-case", message.GetProperty("template").GetString());
        Assert.DoesNotContain("办结报告", Text(message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decline_is_reported_to_the_unit_whose_routing_decision_it_declines()
    {
        var petitionId = Guid.NewGuid();
        await _host.PublishAsync(GuyuanEvents.Registered(petitionId));
        await _host.WaitUntilProcessedAsync(petitionId, 1);
        await _host.PublishAsync(GuyuanEvents.Routed(petitionId, RoutingModes.Transfer, "130724/petition-bureau", "130724/housing", "沽源县住房和城乡建设局"));
        await _host.WaitUntilProcessedAsync(petitionId, 2);
        await _host.PublishAsync(new CaseDeclined(petitionId, Guid.NewGuid(), "130724/housing", CaseStages.Original,
            "拖欠工资不属于住建部门职责", null, "130724/hrss", false, GuyuanEvents.At.AddDays(2)));
        await _host.PublishAsync(new RoutingDecisionRequired(petitionId, "130724/housing", "130724/petition-bureau",
            "拖欠工资不属于住建部门职责", false, GuyuanEvents.At.AddDays(2)));

        var toBureau = await _host.SentToAsync("130724/petition-bureau", petitionId, 2);

        var returned = Text(toBureau.Single(m => m.GetProperty("template").GetString() == "declined-returned"));
        Assert.Contains("沽源县住房和城乡建设局", returned, StringComparison.Ordinal);
        Assert.Contains("拖欠工资不属于住建部门职责", returned, StringComparison.Ordinal);
        Assert.Contains(toBureau, m => m.GetProperty("template").GetString() == "routing-decision-required");
    }

    [Fact]
    public async Task Guide_to_legal_tells_the_petitioner_the_procedure_and_the_court_the_matter()
    {
        var petitionId = Guid.NewGuid();
        await _host.PublishAsync(GuyuanEvents.Registered(petitionId));
        await _host.WaitUntilProcessedAsync(petitionId, 1);
        await _host.PublishAsync(GuyuanEvents.Routed(petitionId, RoutingModes.GuideToLegal, "130724/petition-bureau", "130724/court", "沽源县人民法院"));

        var court = Assert.Single(await _host.SentToAsync("130724/court", petitionId, 1));
        var petitioner = Assert.Single(await _host.SentToAsync(GuyuanEvents.TrackingCode, petitionId, 1));

        Assert.Equal("legal-procedure", court.GetProperty("template").GetString());
        Assert.Equal("not-accepted-legal-route", petitioner.GetProperty("template").GetString());
        Assert.Contains("民事诉讼", Text(petitioner), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confidential_report_is_written_to_no_unit_but_discipline_inspection()
    {
        var petitionId = Guid.NewGuid();
        var caseId = Guid.NewGuid();
        await _host.PublishAsync(GuyuanEvents.Registered(petitionId, kind: "report"));
        await _host.WaitUntilProcessedAsync(petitionId, 1);
        await _host.PublishAsync(GuyuanEvents.Routed(petitionId, RoutingModes.ForwardToDiscipline, "130724/petition-bureau", "130724/discipline", "沽源县纪委监委", confidential: true));
        await _host.WaitUntilProcessedAsync(petitionId, 2);
        await _host.PublishAsync(GuyuanEvents.Opened(petitionId, caseId, "130724/discipline", RoutingModes.ForwardToDiscipline, confidential: true));
        await _host.PublishAsync(new CaseDeclined(petitionId, caseId, "130724/discipline", CaseStages.Original, "应由上级纪委管辖", null, null, true, GuyuanEvents.At.AddDays(1)));
        await _host.PublishAsync(new RoutingDecisionRequired(petitionId, "130724/discipline", "130700/discipline", "应由上级纪委管辖", true, GuyuanEvents.At.AddDays(1)));
        await _host.WaitUntilProcessedAsync(petitionId, 5);

        Assert.Single(await _host.SentToAsync("130724/discipline", petitionId, 1));
        var petitioner = Assert.Single(await _host.SentToAsync(GuyuanEvents.TrackingCode, petitionId, 1));
        Assert.DoesNotContain("纪委", Text(petitioner), StringComparison.Ordinal);
        var units = await _host.InDatabaseAsync(db => db.Notifications
            .Where(n => n.PetitionId == petitionId && n.RecipientKind == "org")
            .Select(n => n.RecipientKey).ToListAsync());
        Assert.Equal(["130724/discipline"], units);
    }

    [Fact]
    public async Task Asking_without_a_recipient_names_the_missing_field()
    {
        var response = await _host.Client.GetAsync("/api/notifications?petitionId=not-a-uuid&limit=501&after=%2A");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("recipient", out _));
        Assert.True(errors.TryGetProperty("petitionId", out _));
        Assert.True(errors.TryGetProperty("limit", out _));
        Assert.True(errors.TryGetProperty("after", out _));
    }

    [Fact]
    public async Task An_unknown_query_code_is_not_found()
    {
        var response = await _host.Client.GetAsync("/api/notifications?recipient=ZZZZ-ZZZZ-ZZZZ-ZZZZ");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string Text(JsonElement message) => message.GetProperty("text").GetString()!;
}
