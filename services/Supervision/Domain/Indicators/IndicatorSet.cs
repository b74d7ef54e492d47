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
    Ratio BacklogResolved);
