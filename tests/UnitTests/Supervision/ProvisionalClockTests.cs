using System.Text.Json;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Supervision.Api;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.UnitTests.Supervision;

/// <summary>The ledger marks a due date counted on a year whose holiday notice is not loaded (2027 in the shipped data).</summary>
public sealed class ProvisionalClockTests
{
    private static readonly DateTimeOffset s_asOf = new(2026, 12, 10, 9, 0, 0, StatutoryCalendar.ChinaOffset);

    private static StageClock Clock(DateTimeOffset startedAt, int days) =>
        new(LedgerStages.Handling, Lifecycle.Hrss, Guid.NewGuid(), startedAt, Lifecycle.DueBy(startedAt, days), null);

    [Fact]
    public void A_clock_within_2026_is_final_and_the_ledger_leaves_the_field_out()
    {
        var clock = Clock(new DateTimeOffset(2026, 9, 1, 10, 0, 0, StatutoryCalendar.ChinaOffset), 60);

        Assert.False(clock.Provisional);
        var json = JsonSerializer.SerializeToElement(LedgerStageResponse.From(clock, s_asOf), JsonSerializerOptions.Web);
        Assert.False(json.TryGetProperty("provisional", out _));
    }

    [Fact]
    public void A_clock_running_into_2027_is_provisional_in_the_ledger()
    {
        // 2026-12-03 + 60 days = Monday 2027-02-01.
        var clock = Clock(new DateTimeOffset(2026, 12, 3, 10, 0, 0, StatutoryCalendar.ChinaOffset), 60);

        Assert.True(clock.Provisional);
        var json = JsonSerializer.SerializeToElement(LedgerStageResponse.From(clock, s_asOf), JsonSerializerOptions.Web);
        Assert.True(json.GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public void The_projection_marks_the_clocks_of_a_petition_registered_before_the_new_year()
    {
        // Registered Monday 2026-12-21: the intake decision is due on Tuesday 2027-01-05, past New Year's Day.
        var registered = new Lifecycle().Registered() with { OccurredAt = new DateTimeOffset(2026, 12, 21, 10, 0, 0, StatutoryCalendar.ChinaOffset) };

        var stage = Assert.Single(LedgerProjection.Project(registered.PetitionId, [registered]).Stages);

        Assert.Equal(new DateTimeOffset(2027, 1, 5, 23, 59, 59, StatutoryCalendar.ChinaOffset), stage.DueBy);
        Assert.True(stage.Provisional);
    }
}
