using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Deadlines;
using PetitionPlatform.Supervision.Domain.Indicators;
using PetitionPlatform.TestSupport;

using PetitionPlatform.UnitTests.Supervision;

using PetitionPlatform.IntegrationTests.Identity;

namespace PetitionPlatform.IntegrationTests.Supervision;

/// <summary>
/// A generated history published as real events on the real broker; the indicators endpoint must give exactly the
/// figures worked out by hand, for the region and each child. Regions come from the real routing service's directory.
/// The history lies before the tests' fixed <see cref="PetitionJourney.Today"/>, which the service takes for its own.
/// </summary>
[Collection("infrastructure")]
public sealed class IndicatorsTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private ServiceFactory<RoutingDbContext> _routing = null!;
    private ServiceFactory<SupervisionDbContext> _supervision = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _routing = new ServiceFactory<RoutingDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:routingdb"] = await infrastructure.CreateDatabaseAsync("routing"),
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync("routing"),
        });
        await ServiceSet.Ready(_routing.CreateClient());
        await SharedTokens.StartAsync(infrastructure);
        _supervision = new ServiceFactory<SupervisionDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:supervisiondb"] = await infrastructure.CreateDatabaseAsync("supervision"),
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync("supervision"),
            ["Supervision:EvaluationInterval"] = "1.00:00:00",
        }, services =>
        {
            DirectoryWiring.Through(_routing)(services);
            // The endpoint judges open clocks at the service's instant: a fixed day, so the figures never follow the date
            // the tests run on.
            services.AddSingleton(PetitionJourney.Clock());
        });
        _client = _supervision.As("130000/petition-bureau");
        await ServiceSet.Ready(_client);
    }

    public async Task DisposeAsync()
    {
        await _supervision.DisposeAsync();
        await _routing.DisposeAsync();
    }

    [Fact]
    public async Task A_generated_history_on_the_bus_gives_the_figures_worked_out_by_hand_before_and_after_the_evaluation_keeps_them()
    {
        var now = PetitionJourney.Today;
        var firstDay = new DateTimeOffset(StatutoryCalendar.DayOf(now.AddDays(-200)).ToDateTime(TimeOnly.MinValue), StatutoryCalendar.ChinaOffset);
        var petitions = IndicatorsHistories.Generate(new Random(20260407), 70, firstDay, 120, now.AddDays(-1), withReviewsAndRepeats: false);
        var events = petitions.SelectMany(p => p.Events()).ToList();
        // A third of the petitions keep their last event back until the evaluation has written the parts, so that a
        // request meets parts out of date (judged from the events) beside parts as written and the sums of whole days.
        var heldBack = petitions.Where((p, i) => i % 3 == 0).Select(p => p.Events().ToList()).Where(e => e.Count > 1).Select(e => e[^1]).ToList();
        await PublishAsync(events.Where(e => !heldBack.Contains(e)).ToList(), events.Count - heldBack.Count);
        Assert.Equal(petitions.Count, await _supervision.InDatabaseAsync(db => db.LedgerPetitions.CountAsync()));

        var from = DateOnly.FromDateTime(firstDay.DateTime).AddDays(10);
        var to = DateOnly.FromDateTime(firstDay.DateTime).AddDays(100);
        await EvaluateAsync(now);
        await PublishAsync(heldBack, events.Count);
        Assert.True(await _supervision.InDatabaseAsync(db => db.ClockWatches.CountAsync(w => w.Changed)) > 0, "some parts are out of date");
        await AssertFiguresAsync(petitions, from, to, because: "parts written, some out of date");

        await EvaluateAsync(now);
        Assert.Equal((0, petitions.Count), await _supervision.InDatabaseAsync(async db =>
            (await db.ClockWatches.CountAsync(w => w.Changed), await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM indicator_facts").SingleAsync())));
        await AssertFiguresAsync(petitions, from, to, because: "every part written and summed by day");
    }

    /// <summary>The city with its counties and a county with its towns over whole days, and the city over two partial days.</summary>
    private async Task AssertFiguresAsync(List<GeneratedPetition> petitions, DateOnly from, DateOnly to, string because)
    {
        // Dates: from the first day's midnight in China to the end of the last day; some petitions fall either side.
        var (start, until) = (At(from), At(to.AddDays(1)));
        var inPeriod = petitions.Where(p => p.RegisteredAt >= start && p.RegisteredAt < until).ToList();
        Assert.True(inPeriod.Count < petitions.Count, "the period leaves some petitions out");

        var city = await IndicatorsAsync($"regionCode=130700&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        Assert.Equal(("130700", "张家口市", start, until),
            (city.GetProperty("regionCode").GetString(), city.GetProperty("name").GetString(),
             city.GetProperty("from").GetDateTimeOffset(), city.GetProperty("until").GetDateTimeOffset()));
        var asOf = city.GetProperty("asOf").GetDateTimeOffset();
        var members = inPeriod.Where(p => IndicatorsHistories.IsUnder("130700", p.RegionCode)).ToList();
        Assert.Contains(inPeriod, p => !IndicatorsHistories.IsUnder("130700", p.RegionCode));
        var (expected, actual) = (IndicatorsByHand.Of(members, asOf), Read(city.GetProperty("indicators")));
        Assert.True(expected == actual, $"the city's figures, {because}: expected {expected}, got {actual}");

        var expectedChildren = members.Where(p => IndicatorsHistories.ChildOf("130700", p.RegionCode) is not null)
            .GroupBy(p => IndicatorsHistories.ChildOf("130700", p.RegionCode)!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, IndicatorsByHand.Of(g.ToList(), asOf))).ToList();
        var children = city.GetProperty("children").EnumerateArray()
            .Select(c => (c.GetProperty("regionCode").GetString()!, Read(c.GetProperty("indicators")))).ToList();
        Assert.Equal(["130702", "130723", "130724"], expectedChildren.Select(c => c.Key));
        Assert.Equal(expectedChildren, children);
        // Guyuan is in the directory and named; the two counties it does not list are placed by their code, unnamed.
        Assert.Equal(["沽源县", null, null], city.GetProperty("children").EnumerateArray()
            .Select(c => c.GetProperty("name").GetString()).OrderBy(n => n is null));

        var county = await IndicatorsAsync($"regionCode=130724&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        var countyMembers = inPeriod.Where(p => IndicatorsHistories.IsUnder("130724", p.RegionCode)).ToList();
        Assert.Equal(IndicatorsByHand.Of(countyMembers, county.GetProperty("asOf").GetDateTimeOffset()), Read(county.GetProperty("indicators")));
        Assert.Equal([("130724100", "平定堡镇"), ("130724102", "黄盖淖镇")], county.GetProperty("children").EnumerateArray()
            .Select(c => (c.GetProperty("regionCode").GetString(), c.GetProperty("name").GetString())));

        // Instants in the middle of two days, just after the first member and just before the last: whole days between
        // them, and the parts of the two days at the ends.
        var ordered = members.Select(p => p.RegisteredAt).Order().ToList();
        var (partStart, partUntil) = (ordered[0].AddSeconds(1), ordered[^1].AddSeconds(-1));
        var part = await IndicatorsAsync(
            $"regionCode=130700&from={Uri.EscapeDataString(partStart.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))}" +
            $"&to={Uri.EscapeDataString(partUntil.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))}");
        var partMembers = members.Where(p => p.RegisteredAt >= partStart && p.RegisteredAt <= partUntil).ToList();
        Assert.True(partMembers.Count < members.Count, "the partial days leave some petitions out");
        Assert.Equal(IndicatorsByHand.Of(partMembers, part.GetProperty("asOf").GetDateTimeOffset()), Read(part.GetProperty("indicators")));
    }

    private async Task PublishAsync(IReadOnlyList<PetitionPlatform.Contracts.IPetitionEvent> events, int recorded)
    {
        var bus = _supervision.Services.GetRequiredService<IBus>();
        foreach (var @event in events)
        {
            await bus.Publish(@event, @event.GetType());
        }

        await Eventually.HoldsAsync(() => _supervision.InDatabaseAsync(db => db.LedgerEvents.CountAsync()), n => n == recorded,
            within: TimeSpan.FromMinutes(3), because: "every event reaches the ledger");
    }

    /// <summary>
    /// The deadline evaluation as the hosted service runs it (here once a day), which writes the parts; as of the instant
    /// the history was generated against (a part does not depend on the instant it is written at).
    /// </summary>
    private async Task EvaluateAsync(DateTimeOffset asOf)
    {
        await using var scope = _supervision.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineEvaluator>().RunAsync(asOf, CancellationToken.None);
    }

    [Fact]
    public async Task An_instant_period_is_inclusive_at_both_ends()
    {
        var registered = new DateTimeOffset(2026, 3, 2, 10, 0, 0, StatutoryCalendar.ChinaOffset);
        var petitions = new[] { "online", "letter" }.Select(channel =>
            new GeneratedPetition(Guid.NewGuid(), "130724", channel, registered, null, null, null, null, false)).ToList();
        var bus = _supervision.Services.GetRequiredService<IBus>();
        foreach (var @event in petitions.SelectMany(p => p.Events()))
        {
            await bus.Publish(@event, @event.GetType());
        }

        await Eventually.HoldsAsync(() => _supervision.InDatabaseAsync(db => db.LedgerPetitions.CountAsync()), n => n == 2);

        var exact = await IndicatorsAsync("regionCode=130000&from=2026-03-02T02:00:00Z&to=2026-03-02T10:00:00%2B08:00");
        Assert.Equal(2, exact.GetProperty("indicators").GetProperty("onlineShare").GetProperty("denominator").GetInt32());
        Assert.Equal(0.5, exact.GetProperty("indicators").GetProperty("onlineShare").GetProperty("rate").GetDouble());
        var after = await IndicatorsAsync("regionCode=130000&from=2026-03-02T10:00:01%2B08:00&to=2026-03-31");
        Assert.Equal(JsonValueKind.Null, after.GetProperty("indicators").GetProperty("onlineShare").GetProperty("rate").ValueKind);
        Assert.Empty(after.GetProperty("children").EnumerateArray());
        Assert.Equal(["130700"], exact.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("regionCode").GetString()));
    }

    [Theory]
    [InlineData("from=2026-01-01&to=2026-01-31", "regionCode")]
    [InlineData("regionCode=1307&from=2026-01-01&to=2026-01-31", "regionCode")]
    [InlineData("regionCode=130700&to=2026-01-31", "from")]
    [InlineData("regionCode=130700&from=2026-01-01T00:00:00&to=2026-01-31", "from")]
    [InlineData("regionCode=130700&from=2026-01-01&to=yesterday", "to")]
    [InlineData("regionCode=130700&from=2026-02-01&to=2026-01-31", "to")]
    public async Task Bad_queries_are_validation_problems_naming_the_field(string query, string field)
    {
        var response = await _client.GetAsync($"/api/supervision/indicators?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors name {field}");
    }

    [Fact]
    public async Task A_region_the_directory_does_not_know_is_not_found()
    {
        var response = await _client.GetAsync("/api/supervision/indicators?regionCode=990000&from=2026-01-01&to=2026-01-31");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), StatutoryCalendar.ChinaOffset);

    private async Task<JsonElement> IndicatorsAsync(string query)
    {
        var response = await _client.GetAsync($"/api/supervision/indicators?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Reads the eight indicators, checking on the way that each rate is its ratio rounded to four decimals.</summary>
    private static IndicatorSet Read(JsonElement indicators)
    {
        Ratio Get(string name)
        {
            var element = indicators.GetProperty(name);
            var ratio = new Ratio(element.GetProperty("numerator").GetInt32(), element.GetProperty("denominator").GetInt32());
            var rate = element.GetProperty("rate");
            Assert.Equal<decimal?>(ratio.Denominator == 0 ? null : Math.Round((decimal)ratio.Numerator / ratio.Denominator, 4, MidpointRounding.AwayFromZero),
                rate.ValueKind == JsonValueKind.Null ? null : decimal.Parse(rate.GetRawText(), CultureInfo.InvariantCulture));
            return ratio;
        }

        return new IndicatorSet(Get("timelyAcceptance"), Get("onTimeCompletion"), Get("evaluationParticipation"), Get("satisfaction"),
            Get("oneTimeResolution"), Get("repeatPetitions"), Get("onlineShare"), Get("backlogResolved"));
    }
}
