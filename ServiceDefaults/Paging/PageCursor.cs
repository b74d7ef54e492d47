using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace PetitionPlatform.ServiceDefaults.Paging;

/// <summary>
/// Where a page ends, as the sort key of its last item: a list of things that happen sorts by an instant, then (for
/// some) a small number such as a notice's level, then the item's id (<see cref="Keyset{T}"/>); a list of reference
/// data sorts by one text key, such as a region's code (<see cref="TextKeyset{T}"/>, <see cref="Key"/>). The next page
/// starts strictly after this key, so items added meanwhile are neither skipped nor shown twice. Opaque to clients: they
/// pass back what the Link header gave.
/// </summary>
public sealed record PageCursor(DateTimeOffset At, int Rank, Guid Id, string Key = "")
{
    private const string Version = "2";

    /// <summary>The longest text key a cursor carries; reference data is keyed by codes and names far shorter.</summary>
    public const int MaxKeyLength = 100;

    public static PageCursor Of(DateTimeOffset at, Guid id, int rank = 0) => new(at.ToUniversalTime(), rank, id);

    /// <summary>The cursor of a list sorted by a text key alone; the instant, rank and id are unused.</summary>
    public static PageCursor OfKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, MaxKeyLength);
        return new(DateTimeOffset.UnixEpoch, 0, Guid.Empty, key);
    }

    // The key goes last: it may hold the separator, and the decoder splits off the four parts before it only.
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('.',
        Version, At.UtcTicks.ToString(CultureInfo.InvariantCulture), Rank.ToString(CultureInfo.InvariantCulture), Id.ToString("N"), Key)));

    /// <summary>Null for anything this type did not write (edited, truncated, another list's version).</summary>
    public static PageCursor? Decode(string text)
    {
        if (text.Length > 512 || !Base64Url.IsValid(text))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('.', 5);
        return parts.Length == 5 && parts[0] == Version && parts[4].Length <= MaxKeyLength
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && int.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rank)
            && Guid.TryParseExact(parts[3], "N", out var id)
                ? new PageCursor(new DateTimeOffset(ticks, TimeSpan.Zero), rank, id, parts[4])
                : null;
    }
}
