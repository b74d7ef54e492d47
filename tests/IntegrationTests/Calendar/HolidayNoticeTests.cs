using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.IntegrationTests.Handling;
using PetitionPlatform.IntegrationTests.Notification;
using PetitionPlatform.IntegrationTests.Routing;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Calendar;

/// <summary>
/// Issue 13, item 8: an operator loads a year's State Council notice at run time, and a clock already running on the
/// national rules moves: routing keeps the notice and announces it, handling counts the case's clock again, supervision's
/// ledger records the move and notification tells the unit, over the real broker and databases. On 2035, a year no other
/// test counts on (the calendar is the process's, and the services of every test share this process): routing decides
/// on 1 March 2035 and handling lives on 2 March, so that the case is still running when the notice comes. Routing
/// routes the registration itself: a decision published beside its own raced it, and when routing's came first the
/// case was opened on the real date (a CI run on 2026-12-03 found it so).
/// </summary>
[Collection("infrastructure")]
public sealed class HolidayNoticeTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private const string Unit = "130724/hrss";
    private const string Reference = "测试通知〔2034〕1号";

    private static readonly TimeSpan s_china = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset s_handlingNow = new(2035, 3, 2, 9, 0, 0, s_china);

    /// <summary>
    /// Thursday 1 March 2035, routing's day: the acceptance period runs to Friday 16 March, which the notice makes a
    /// holiday, and gives Saturday 17 March as a working day in exchange.
    /// </summary>
    private static readonly DateTimeOffset s_routedAt = new(2035, 3, 1, 10, 0, 0, s_china);

    private static readonly DateTimeOffset s_provisionalDue = new(2035, 3, 16, 23, 59, 59, s_china);
    private static readonly DateTimeOffset s_movedDue = new(2035, 3, 17, 23, 59, 59, s_china);

    private static readonly object s_notice = new
    {
        holidays = new[] { new { first = "2035-01-01", last = "2035-01-01" }, new { first = "2035-03-16", last = "2035-03-16" } },
        workdays = new[] { "2035-03-17" },
        reference = Reference,
    };

    private RoutingService _routing = null!;
    private HandlingHost _handling = null!;
    private ServiceFactory<SupervisionDbContext> _supervision = null!;
    private NotificationHost _notification = null!;

    public async Task InitializeAsync()
    {
        _routing = await RoutingService.StartAsync(infrastructure, services: services => services.AddSingleton<TimeProvider>(new TestClock(s_routedAt)));
        // Handling lives in 2035 (its timers still run): the case's clock must still run when the notice comes.
        var time = new TestClock(s_handlingNow);
        _handling = await HandlingHost.StartAsync(infrastructure, _routing.Messaging, services =>
        {
            DirectoryWiring.Through(_routing.Factory)(services);
            services.AddSingleton<TimeProvider>(time);
        });
        _supervision = new ServiceFactory<SupervisionDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:supervisiondb"] = await infrastructure.CreateDatabaseAsync("notice-supervision"),
            ["ConnectionStrings:messaging"] = _routing.Messaging,
            ["Supervision:EvaluationInterval"] = "1.00:00:00",
        }, DirectoryWiring.Through(_routing.Factory));
        await ServiceSet.Ready(_supervision.As(HandlingHost.ProvinceBureau));
        _notification = await NotificationHost.StartAsync(infrastructure,
            settings: new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = _routing.Messaging });
    }

    public async Task DisposeAsync()
    {
        await _notification.DisposeAsync();
        await _supervision.DisposeAsync();
        await _handling.DisposeAsync();
        await _routing.DisposeAsync();
    }

    [Fact]
    public async Task A_loaded_notice_moves_a_running_clock_in_the_case_and_the_ledger_and_the_unit_is_told()
    {
        // The calendar is the process's: had anything before this test counted 2035 on a notice, nothing here would be provisional.
        Assert.False(StatutoryCalendar.China.Holidays.HasNotice(2035), "no test before this one loads a notice for 2035");
        var petitionId = Guid.NewGuid();
        // Routing sends it to the county's labour bureau, on its own clock.
        await _handling.Bus.Publish(new PetitionRegistered(petitionId, "130724-20350228-00001", "online", "complaint", "wage-arrears",
            "130724102", HandlingHost.ProvinceBureau, 1, s_routedAt.AddDays(-1), TrackingCodes.Hash("7KQ2-T35A-M8XD-W3FA")));

        // Before the notice, the period is counted on the national rules for 2035: Friday 16 March, provisional.
        var opened = Assert.Single(await _handling.CasesOfAsync(petitionId, 1, reader: Unit));
        Assert.Equal(s_provisionalDue, opened.GetProperty("dueBy").GetDateTimeOffset());
        Assert.True(opened.TryGetProperty("dueByProvisional", out var provisional) && provisional.GetBoolean(),
            $"the case's date is provisional before the notice; the case: {opened}");
        await AcceptanceStageAsync(petitionId, s => s.GetProperty("dueBy").GetDateTimeOffset() == s_provisionalDue && s.GetProperty("provisional").GetBoolean());

        using var loaded = await _routing.As("operator").PutAsJsonAsync("/api/routing/calendar/2035", s_notice);
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        var year = await loaded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("loaded", Reference, false), (year.GetProperty("source").GetString(), year.GetProperty("reference").GetString(),
            year.GetProperty("provisional").GetBoolean()));

        // Handling counts the case's clock again: 16 March is a holiday now, and the Saturday after it a working day.
        var moved = await Eventually.HoldsAsync(async () => (await _handling.CasesOfAsync(petitionId, 1, reader: Unit))[0],
            c => c.GetProperty("dueBy").GetDateTimeOffset() == s_movedDue, because: "the notice moves the case's acceptance clock");
        Assert.False(moved.TryGetProperty("dueByProvisional", out _), "a date counted on a loaded notice is final");

        var stage = await AcceptanceStageAsync(petitionId, s => s.GetProperty("dueBy").GetDateTimeOffset() == s_movedDue);
        Assert.False(stage.TryGetProperty("provisional", out _), "the ledger's clock is final");
        var move = Assert.Single(stage.GetProperty("moves").EnumerateArray());
        Assert.Equal((s_provisionalDue, s_movedDue, 2035, Reference), (move.GetProperty("previousDueBy").GetDateTimeOffset(),
            move.GetProperty("dueBy").GetDateTimeOffset(), move.GetProperty("noticeYear").GetInt32(), move.GetProperty("noticeReference").GetString()));

        var toUnit = await _notification.SentToAsync(Unit, petitionId, 2);
        var notice = Assert.Single(toUnit, m => m.GetProperty("template").GetString() == "due-date-changed");
        Assert.Contains("2035年3月17日", notice.GetProperty("text").GetString(), StringComparison.Ordinal);

        // The same notice again is the operator's retry: nothing more is announced, nothing moves twice.
        using var again = await _routing.As("operator").PutAsJsonAsync("/api/routing/calendar/2035", s_notice);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await _routing.Factory.InDatabaseAsync(db =>
            db.Set<OutboxMessage>().CountAsync(m => m.MessageType.EndsWith(nameof(HolidayNoticeLoaded)))));
        Assert.Single(await _handling.EventsAboutAsync(petitionId.ToString()), e => e.Type == nameof(DueDateChanged));

        var read = await _routing.Client.GetFromJsonAsync<JsonElement>("/api/routing/calendar/2035");
        Assert.Equal(["2035-01-01", "2035-03-16"], read.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["2035-03-17"], read.GetProperty("workdays").EnumerateArray().Select(d => d.GetString()));
    }

    private async Task<JsonElement> AcceptanceStageAsync(Guid petitionId, Func<JsonElement, bool> condition) => await Eventually.HoldsAsync(
        async () => await _supervision.As(HandlingHost.ProvinceBureau).GetAsync($"/api/supervision/petitions/{petitionId}") is { IsSuccessStatusCode: true } ok
            ? (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stages").EnumerateArray()
                .FirstOrDefault(s => s.GetProperty("stage").GetString() == "acceptance")
            : default,
        s => s.ValueKind == JsonValueKind.Object && condition(s), because: "supervision's ledger shows the acceptance clock");
}
