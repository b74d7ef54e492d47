using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace PetitionPlatform.ServiceDefaults.Paging;

/// <summary>
/// Where a page ends, as the sort key of its last item: every paged list sorts by an instant, then (for some) a small
/// number such as a notice's level, then the item's id, so the next page starts strictly after this key and items
/// added meanwhile are neither skipped nor shown twice. Opaque to clients: they pass back what the Link header gave.
/// </summary>
public sealed record PageCursor(DateTimeOffset At, int Rank, Guid Id)
{
    private const string Version = "1";

    public static PageCursor Of(DateTimeOffset at, Guid id, int rank = 0) => new(at.ToUniversalTime(), rank, id);

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('.',
        Version, At.UtcTicks.ToString(CultureInfo.InvariantCulture), Rank.ToString(CultureInfo.InvariantCulture), Id.ToString("N"))));

    /// <summary>Null for anything this type did not write (edited, truncated, another list's version).</summary>
    public static PageCursor? Decode(string text)
    {
        if (text.Length > 128 || !Base64Url.IsValid(text))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('.');
        return parts.Length == 4 && parts[0] == Version
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && int.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rank)
            && Guid.TryParseExact(parts[3], "N", out var id)
                ? new PageCursor(new DateTimeOffset(ticks, TimeSpan.Zero), rank, id)
                : null;
    }
}
