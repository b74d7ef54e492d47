namespace PetitionPlatform.Supervision.Domain.Indicators;

/// <summary>One indicator: how many of how many, and the rate rounded to four decimals (null when nothing was counted).</summary>
public sealed record Ratio(int Numerator, int Denominator)
{
    public static Ratio Empty { get; } = new(0, 0);

    /// <summary>Rounded half away from zero, as a reader of a report would round it; a rate of nothing is no rate.</summary>
    public decimal? Rate => Denominator == 0
        ? null
        : Math.Round((decimal)Numerator / Denominator, 4, MidpointRounding.AwayFromZero);

    public static Ratio Count<T>(IEnumerable<T> population, Func<T, bool> counted)
    {
        var numerator = 0;
        var denominator = 0;
        foreach (var item in population)
        {
            denominator++;
            numerator += counted(item) ? 1 : 0;
        }

        return new Ratio(numerator, denominator);
    }

    /// <summary>One member counted, or left out of the numerator.</summary>
    public static Ratio One(bool counted) => new(counted ? 1 : 0, 1);

    /// <summary>Counts of disjoint populations add up: the indicators of a region are the sum of its petitions' parts.</summary>
    public static Ratio operator +(Ratio left, Ratio right) =>
        new(left.Numerator + right.Numerator, left.Denominator + right.Denominator);

    /// <summary>Takes back a part added before (a petition's stale part replaced by its current one).</summary>
    public static Ratio operator -(Ratio left, Ratio right) =>
        new(left.Numerator - right.Numerator, left.Denominator - right.Denominator);
}
