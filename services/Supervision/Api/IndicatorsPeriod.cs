using System.Globalization;
using System.Text.RegularExpressions;
using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Supervision.Api;

/// <summary>
/// The registration period of an indicator query, as the half-open interval [From, Until). A date means the whole
/// China calendar day (from its midnight; to the next midnight); an instant must carry its offset and is inclusive.
/// </summary>
public sealed partial record IndicatorsPeriod(DateTimeOffset From, DateTimeOffset Until)
{
    /// <summary>PostgreSQL keeps microseconds: an instant one microsecond later bounds "up to and including" exactly.</summary>
    private static readonly TimeSpan s_resolution = TimeSpan.FromMicroseconds(1);

    public static bool TryParseBound(string? text, bool isEnd, out DateTimeOffset bound)
    {
        bound = default;
        // An unencoded '+' of an offset arrives as a space.
        var value = text?.Trim().Replace(' ', '+');
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (!AcceptedDates.Holds(day))
            {
                return false;
            }

            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), StatutoryCalendar.ChinaOffset);
            bound = isEnd ? start.AddDays(1) : start;
            return true;
        }

        // Without an offset an instant could mean any time zone's clock: refused rather than guessed.
        if (!WithOffset().IsMatch(value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            || !AcceptedDates.Holds(instant))
        {
            return false;
        }

        bound = isEnd ? instant + s_resolution : instant;
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WithOffset();
}
