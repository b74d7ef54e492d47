namespace PetitionPlatform.Supervision.Domain.Indicators;

/// <summary>
/// The indicators of DOMAIN.md §6 over a set of registered petitions (the cohort of a region and period), judged as of
/// one instant: the sum of each petition's part (<see cref="PetitionIndicators"/>, where the definitions live), so that
/// every figure can be recomputed from the ledger and checked, and the sums the ledger keeps per day agree with it.
/// </summary>
public static class IndicatorRules
{
    public static IndicatorSet Compute(IEnumerable<PetitionHistory> cohort, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        return cohort.Aggregate(IndicatorSet.Empty, (sum, petition) => sum + PetitionIndicators.Of(petition).At(asOf));
    }
}
