using PetitionPlatform.Supervision.Domain.Indicators;

namespace PetitionPlatform.Supervision.Api;

/// <param name="Until">The end of the period, exclusive: the next midnight for a date, just after the instant given otherwise.</param>
/// <param name="AsOf">The instant the clocks were judged at (open clocks past their deadline count as missed).</param>
/// <param name="Children">The direct child regions with petitions in the period, by code.</param>
public sealed record IndicatorsResponse(
    string RegionCode,
    string Name,
    string Level,
    DateTimeOffset From,
    DateTimeOffset Until,
    DateTimeOffset AsOf,
    IndicatorSet Indicators,
    IReadOnlyList<ChildIndicatorsResponse> Children);

/// <param name="Name">Null when the directory does not list the region (its parent was read from the code).</param>
public sealed record ChildIndicatorsResponse(string RegionCode, string? Name, IndicatorSet Indicators);
