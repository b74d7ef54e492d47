using System.Text.Json.Serialization;

namespace PetitionPlatform.Supervision.Domain.Indicators;

/// <summary>The eight indicators of DOMAIN.md §6 for one region and period; docs/supervision.md defines each exactly.</summary>
public sealed record IndicatorSet(
    Ratio TimelyAcceptance,
    Ratio OnTimeCompletion,
    Ratio EvaluationParticipation,
    Ratio Satisfaction,
    Ratio OneTimeResolution,
    Ratio RepeatPetitions,
    Ratio OnlineShare,
    Ratio BacklogResolved)
{
    /// <summary>How many numbers a set holds: a numerator and a denominator per indicator, in the order above.</summary>
    public const int Width = 16;

    public static IndicatorSet Empty { get; } = new(
        Ratio.Empty, Ratio.Empty, Ratio.Empty, Ratio.Empty, Ratio.Empty, Ratio.Empty, Ratio.Empty, Ratio.Empty);

    /// <summary>Every petition counts once in the denominator of the online share, so this is how many petitions were counted.</summary>
    [JsonIgnore]
    public int Petitions => OnlineShare.Denominator;

    public static IndicatorSet operator +(IndicatorSet left, IndicatorSet right) => Combine(left, right, (l, r) => l + r);

    public static IndicatorSet operator -(IndicatorSet left, IndicatorSet right) => Combine(left, right, (l, r) => l - r);

    /// <summary>The numbers in the order of <see cref="Width"/>, as the database keeps them (one column each).</summary>
    public int[] ToNumbers() =>
    [
        TimelyAcceptance.Numerator, TimelyAcceptance.Denominator, OnTimeCompletion.Numerator, OnTimeCompletion.Denominator,
        EvaluationParticipation.Numerator, EvaluationParticipation.Denominator, Satisfaction.Numerator, Satisfaction.Denominator,
        OneTimeResolution.Numerator, OneTimeResolution.Denominator, RepeatPetitions.Numerator, RepeatPetitions.Denominator,
        OnlineShare.Numerator, OnlineShare.Denominator, BacklogResolved.Numerator, BacklogResolved.Denominator,
    ];

    public static IndicatorSet FromNumbers(IReadOnlyList<int> n)
    {
        ArgumentNullException.ThrowIfNull(n);
        if (n.Count != Width)
        {
            throw new ArgumentException($"An indicator set has {Width} numbers, not {n.Count}.", nameof(n));
        }

        return new(new(n[0], n[1]), new(n[2], n[3]), new(n[4], n[5]), new(n[6], n[7]),
            new(n[8], n[9]), new(n[10], n[11]), new(n[12], n[13]), new(n[14], n[15]));
    }

    private static IndicatorSet Combine(IndicatorSet l, IndicatorSet r, Func<Ratio, Ratio, Ratio> op) => new(
        op(l.TimelyAcceptance, r.TimelyAcceptance), op(l.OnTimeCompletion, r.OnTimeCompletion),
        op(l.EvaluationParticipation, r.EvaluationParticipation), op(l.Satisfaction, r.Satisfaction),
        op(l.OneTimeResolution, r.OneTimeResolution), op(l.RepeatPetitions, r.RepeatPetitions),
        op(l.OnlineShare, r.OnlineShare), op(l.BacklogResolved, r.BacklogResolved));
}
