using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Supervision.Domain.Indicators;

/// <summary>A registration period cut into the whole China calendar days it covers and the stretches of day at its ends.</summary>
/// <param name="WholeDays">The whole days, first included, end excluded; null when the period covers no whole day.</param>
/// <param name="Edges">The parts of days at the ends, as half-open intervals of instants.</param>
public sealed record PeriodDays((DateOnly First, DateOnly End)? WholeDays, IReadOnlyList<(DateTimeOffset From, DateTimeOffset Until)> Edges)
{
    /// <summary>Cuts [<paramref name="from"/>, <paramref name="until"/>).</summary>
    public static PeriodDays Of(DateTimeOffset from, DateTimeOffset until)
    {
        var first = StatutoryCalendar.DayOf(from);
        if (Midnight(first) < from)
        {
            first = first.AddDays(1);
        }

        // The day that holds the end is never whole: the end is exclusive.
        var end = StatutoryCalendar.DayOf(until);
        if (first >= end)
        {
            return new PeriodDays(null, from < until ? [(from, until)] : []);
        }

        var edges = new List<(DateTimeOffset, DateTimeOffset)>(2);
        if (from < Midnight(first))
        {
            edges.Add((from, Midnight(first)));
        }

        if (Midnight(end) < until)
        {
            edges.Add((Midnight(end), until));
        }

        return new PeriodDays((first, end), edges);
    }

    private static DateTimeOffset Midnight(DateOnly day) =>
        new(day.ToDateTime(TimeOnly.MinValue), StatutoryCalendar.ChinaOffset);
}
