using System.Diagnostics.CodeAnalysis;

namespace PetitionPlatform.Contracts;

/// <summary>
/// A region of the administrative chain: the six digits of GB/T 2260 (two for the province, two for the city, two for
/// the county), then three for the township and three for the village (DOMAIN.md §1). Codes nest by prefix:
/// 13 (Hebei) ⊃ 1307 (Zhangjiakou) ⊃ 130724 (Guyuan) ⊃ 130724102 (Huanggainao).
/// </summary>
public readonly record struct RegionCode
{
    private RegionCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The county-level region it lies in: a township's or village's first six digits; a county, city or province itself.</summary>
    public RegionCode County => new(Value[..6]);

    /// <summary>The province it lies in: its first two digits, then zeros (130724102 → 130000).</summary>
    public RegionCode Province => new(Value[..2] + "0000");

    /// <summary>
    /// What every region within this one (itself included) starts with: the whole code below county level, and for a
    /// six-digit code the digits before its trailing "00" pairs (130700 → 1307, 130000 → 13).
    /// </summary>
    public string SubtreePrefix
    {
        get
        {
            var prefix = Value;
            while (prefix.Length is 6 or 4 && prefix.EndsWith("00", StringComparison.Ordinal))
            {
                prefix = prefix[..^2];
            }

            return prefix;
        }
    }

    /// <summary>
    /// The region one level up as the code alone tells it (village → township → county → city → province); null for a
    /// province. The directory knows better where a chain skips a level (Chongqing's districts have no city).
    /// </summary>
    public RegionCode? ParentByCode => Value.Length switch
    {
        12 => new(Value[..9]),
        9 => new(Value[..6]),
        _ when Value.EndsWith("0000", StringComparison.Ordinal) => null,
        _ when Value.EndsWith("00", StringComparison.Ordinal) => Province,
        _ => new(Value[..4] + "00"),
    };

    /// <summary>Whether this region is <paramref name="region"/> or lies below it.</summary>
    public bool IsWithin(RegionCode region) => Value.StartsWith(region.SubtreePrefix, StringComparison.Ordinal);

    public static bool IsWellFormed([NotNullWhen(true)] string? value) =>
        value is { Length: 6 or 9 or 12 } && value.All(char.IsAsciiDigit);

    public static bool TryParse([NotNullWhen(true)] string? value, out RegionCode code)
    {
        code = IsWellFormed(value) ? new RegionCode(value) : default;
        return code.Value is not null;
    }

    public static RegionCode Parse(string value) =>
        TryParse(value, out var code) ? code : throw new FormatException($"'{value}' is not a region code (6, 9 or 12 digits).");

    public override string ToString() => Value;
}
