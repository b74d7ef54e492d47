using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Routing;
using PetitionPlatform.Messaging;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Calendar;

/// <summary>Routing's calendar endpoints on their own: reading a year, and a notice refused before anything is kept or announced.</summary>
[Collection("infrastructure")]
public sealed class CalendarApiTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private static readonly object Notice2035 = new
    {
        holidays = new[] { new { first = "2035-01-01", last = "2035-01-01" } },
        workdays = Array.Empty<string>(),
        reference = "测试通知",
    };

    private RoutingService _routing = null!;

    public async Task InitializeAsync() => _routing = await RoutingService.StartAsync(infrastructure);

    public Task DisposeAsync() => _routing.DisposeAsync().AsTask();

    [Fact]
    public async Task A_year_without_a_notice_reads_as_the_national_rules_and_is_provisional()
    {
        var year = await _routing.Client.GetFromJsonAsync<JsonElement>("/api/routing/calendar/2031");

        Assert.Equal(("national-rules", true), (year.GetProperty("source").GetString(), year.GetProperty("provisional").GetBoolean()));
        // Spring Festival 2031: lunar New Year's Eve on 22 January, New Year's Day on 23 January.
        Assert.Contains("2031-01-22", year.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()));
        Assert.Empty(year.GetProperty("workdays").EnumerateArray());
    }

    [Fact]
    public async Task A_wrong_notice_is_refused_field_by_field_and_nothing_is_kept()
    {
        using var wrong = await _routing.As("operator").PutAsJsonAsync("/api/routing/calendar/2036", new
        {
            holidays = new[] { new { first = "2036-01-01", last = "2036-01-01" }, new { first = "2036-02-30", last = "2036-03-01" } },
            workdays = new[] { "2036-03-05" },
            reference = "",
        });
        using var year = await _routing.As("operator").PutAsJsonAsync("/api/routing/calendar/2100", Notice2035);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var errors = (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["holidays[1].first"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.BadRequest, year.StatusCode);
        Assert.True((await year.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("year", out _));
        Assert.Equal(0, await _routing.Factory.InDatabaseAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageType.EndsWith(nameof(HolidayNoticeLoaded)))));
    }
}
