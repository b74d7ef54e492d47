using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Contracts;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.IntegrationTests.Handling;
using PetitionPlatform.IntegrationTests.Identity;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Intake;

/// <summary>
/// Routing's and handling's events about one petition delivered to intake at the same moment, many petitions at once,
/// on the real broker: whatever order its consumers run them in, intake's view of the matter and of who handles its
/// case is the one the events together say.
/// </summary>
[Collection("infrastructure")]
public sealed class MatterRaceTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private const int Petitions = 20;

    private static readonly DateTimeOffset s_firstAnswer = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    private ServiceFactory<IntakeDbContext> _intake = null!;

    public async Task InitializeAsync()
    {
        var tokens = await SharedTokens.StartAsync(infrastructure);
        _intake = new ServiceFactory<IntakeDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:intakedb"] = await infrastructure.CreateDatabaseAsync("intake"),
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync("intake"),
        }, DirectoryWiring.Through(tokens.Directory));
        await ServiceSet.Ready(_intake.As("portal"));
    }

    public async Task DisposeAsync() => await _intake.DisposeAsync();

    [Fact]
    public async Task Decisions_and_answers_delivered_at_once_leave_the_latest_of_each_in_the_matter_state()
    {
        var petitions = await RegisterAsync();
        await PublishAtOnceAsync(petitions.Select(id => (object)HandlingHost.Routed(id, "130724/hrss")));
        await Eventually.HoldsAsync(() => _intake.InDatabaseAsync(db => db.MatterStates.CountAsync(s => petitions.Contains(s.PetitionId))),
            count => count == Petitions, because: "every petition has its matter state");

        // Two later decisions (the latest twice, a replay) and two answers, all read from the same row at once.
        await PublishAtOnceAsync(petitions.SelectMany(id => new object[]
        {
            HandlingHost.Routed(id, "130724/housing", attempt: 1),
            HandlingHost.Routed(id, "130724/justice", attempt: 2),
            HandlingHost.Routed(id, "130724/justice", attempt: 2),
            Answered(id, "130724/housing", s_firstAnswer),
            Answered(id, "130724/justice", s_firstAnswer.AddDays(3)),
        }));
        await ProcessedAsync(petitions, Petitions * 6);

        var states = await _intake.InDatabaseAsync(db => db.MatterStates.AsNoTracking().Where(s => petitions.Contains(s.PetitionId)).ToListAsync());
        Assert.All(states, s => Assert.Equal(
            (2, "130724/justice", "130724/justice", s_firstAnswer.AddDays(3)),
            (s.RoutingAttempt, s.ResponsibleOrgId, s.AnsweredByOrgId, s.AnsweredAt)));
    }

    [Fact]
    public async Task A_decline_delivered_with_the_opening_and_the_co_handlers_releases_every_unit_on_the_case()
    {
        var petitions = await RegisterAsync();
        var cases = petitions.ToDictionary(id => id, _ => Guid.NewGuid());

        // The case as handling saw it: opened, co-handlers added while it awaited acceptance, then declined.
        await PublishAtOnceAsync(petitions.SelectMany(id => new object[]
        {
            new CaseOpened(id, cases[id], "130724/hrss", "original", RoutingModes.Transfer, s_firstAnswer, null, false, s_firstAnswer),
            new CoHandlersAdded(id, cases[id], "130724/hrss", ["130724/justice", "130724/housing"], s_firstAnswer.AddHours(1)),
            new CoHandlersAdded(id, cases[id], "130724/hrss", ["130724/justice", "130724/housing"], s_firstAnswer.AddHours(1)),
            new CaseDeclined(id, cases[id], "130724/hrss", "original", "不属于本单位职责", null, "130724/housing", false, s_firstAnswer.AddHours(2)),
        }));
        await ProcessedAsync(petitions, Petitions * 4);

        var handlers = await _intake.InDatabaseAsync(db => db.CaseHandlers.AsNoTracking().Where(h => petitions.Contains(h.PetitionId)).ToListAsync());
        Assert.All(petitions, id => Assert.Equal(
            ["130724/housing", "130724/hrss", "130724/justice"],
            handlers.Where(h => h.CaseId == cases[id]).Select(h => h.OrgId).Order(StringComparer.Ordinal)));
        Assert.All(handlers, h => Assert.NotNull(h.ReleasedAt));
    }

    /// <summary>Waits until <paramref name="count"/> events about the petitions are processed (in the inbox).</summary>
    private Task<int> ProcessedAsync(List<Guid> petitions, int count) => Eventually.HoldsAsync(
        () => _intake.InDatabaseAsync(db => db.Set<InboxMessage>().CountAsync(m => m.PetitionId != null && petitions.Contains(m.PetitionId.Value))),
        processed => processed == count, TimeSpan.FromSeconds(60), "every event is processed");

    private static CaseAnswered Answered(Guid petitionId, string orgId, DateTimeOffset at) => new(
        petitionId, Guid.NewGuid(), orgId, "original", "support", "已督促企业足额支付拖欠工资。", "《保障农民工工资支付条例》第三条",
        at.AddDays(30), false, at);

    /// <summary>Each message under a message id of its own, all published together.</summary>
    private Task PublishAtOnceAsync(IEnumerable<object> messages)
    {
        var bus = _intake.Services.GetRequiredService<IBus>();
        return Task.WhenAll(messages.Select(message => bus.Publish(message, context => context.MessageId = Guid.NewGuid())));
    }

    /// <summary>One after another: the race under test is in the events, not in registering (which asks the directory).</summary>
    private async Task<List<Guid>> RegisterAsync()
    {
        var portal = _intake.As("portal");
        var petitions = new List<Guid>();
        for (var i = 0; i < Petitions; i++)
        {
            var response = await portal.RegisterAsync(SamplePetitions.GuyuanWageArrears());
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            petitions.Add(Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("petitionId").GetString()!));
        }

        return petitions;
    }
}
