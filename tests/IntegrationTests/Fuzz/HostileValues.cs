using System.Text;

namespace PetitionPlatform.IntegrationTests.Fuzz;

/// <summary>
/// What the fuzz puts where a valid request had a value: in a URL as already percent-encoded text (so that bytes no
/// client library would produce, like <c>%ff</c> or an encoded surrogate, reach the server as sent), in a JSON body as
/// raw JSON text (so that numbers no .NET type holds and nesting deeper than any reader allows are sent as written).
/// </summary>
public static class HostileValues
{
    /// <summary>Odd path segments and query values, percent-encoded as they go on the wire.</summary>
    private static readonly string[] s_urlValues =
    [
        "", ".", "..", "%2e", "%2e%2e", "%2E%2E%2F", "..%2f..%2fetc%2fpasswd", "%2f", "%5c", "~", "*", "%25", "%",
        "%ff", "%c0%af", "%ed%a0%80", "%ef%bf%bf", "%f0%9f%98%80", "%e4%bf%a1%e8%ae%bf", "%01", "%7f", "%0a", "%0d%0a", "%09", "%20", "+",
        "0", "-1", "1e309", "-1e309", "1e400", "99999999999999999999", "-9223372036854775809", "2147483648", "-2147483649",
        "NaN", "Infinity", "0x7fffffff", "1.5", "true", "null", "[]", "{}", "%7b%7d",
        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "{00000000-0000-0000-0000-000000000000}",
        "2026-02-30", "2026-13-45", "0001-01-01", "9999-12-31", "-0001-01-01", "10000-01-01", "9999-12-31T23:59:59.9999999%2B14:00",
        "0001-01-01T00:00:00-14:00", "2026-01-01T00:00:00%2B15:00", "P1D", "%27%3b%20DROP%20TABLE%20cases%3b--", "%3cscript%3e",
        "130724", "130724%2fhrss", "000000", "999999999999", "130724102999999", "a%2fb%2fc", "satisfied", "Satisfied", "SUPPORT",
    ];

    /// <summary>JSON values of every type, and the ones no field should take.</summary>
    private static readonly string[] s_jsonValues =
    [
        "null", "true", "false", "0", "-0", "-1", "1.5", "1e400", "-1e400", "1e309", "99999999999999999999", "-99999999999999999999",
        "2147483648", "9223372036854775808", "79228162514264337593543950336", "0.0000000000000000000000000000000000001", "1E+2",
        "\"\"", "\" \"", "\"null\"", "\"1e400\"", "\"99999999999999999999\"", "\"-1\"", "\"abc\"", "\"信访\"", "\"😀\"",
        "\"\\u0000\"", "\"a\\u0001b\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\uffff\"", "\"\\ufeff\"",
        "\"2026-02-30\"", "\"2026-13-45T25:61:61Z\"", "\"0001-01-01\"", "\"9999-12-31T23:59:59+14:00\"", "\"-0001-01-01\"",
        "\"00000000-0000-0000-0000-000000000000\"", "\"130724/hrss\"", "\"../../etc/passwd\"", "\"<script>alert(1)</script>\"",
        "[]", "[null]", "[1,2,3]", "[\"\\ud800\"]", "{}", "{\"a\":1}", "{\"$type\":\"System.Object\"}", "[[[]]]",
    ];

    private static readonly string[] s_queryNames =
    [
        "regionCode", "orgId", "petitionId", "recipient", "status", "from", "to", "asOf", "after", "limit", "clientId",
        "unknown", "%00", "%ff", "a%5b0%5d", "a.b", "", "%20",
    ];

    public static string UrlValue(Random random) => random.Next(6) switch
    {
        0 => new string('a', random.Next(256, 8000)),
        1 => random.NextInt64(long.MinValue, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
        2 => RandomUnicode(random, random.Next(1, 40), percentEncoded: true),
        _ => s_urlValues[random.Next(s_urlValues.Length)],
    };

    public static string QueryName(Random random, IReadOnlyList<string> known) =>
        random.Next(3) == 0 ? s_queryNames[random.Next(s_queryNames.Length)] : known.Count > 0 ? known[random.Next(known.Count)] : "unknown";

    public static string JsonValue(Random random) => random.Next(10) switch
    {
        0 => DeepNesting(random),
        1 => $"\"{new string('x', random.Next(1_000, 200_000))}\"",
        2 => $"\"{RandomUnicode(random, random.Next(1, 200), percentEncoded: false)}\"",
        3 => random.NextInt64(long.MinValue, long.MaxValue) + (random.Next(2) == 0 ? "" : "000000000000"),
        _ => s_jsonValues[random.Next(s_jsonValues.Length)],
    };

    /// <summary>Arrays or objects nested past System.Text.Json's default depth (64), up to 10,000 deep, closed or not.</summary>
    public static string DeepNesting(Random random)
    {
        var depth = random.Next(4) == 0 ? 10_000 : random.Next(60, 2_000);
        var text = new StringBuilder();
        var objects = random.Next(2) == 0;
        for (var i = 0; i < depth; i++)
        {
            text.Append(objects ? "{\"a\":" : "[");
        }

        text.Append('1');
        if (random.Next(3) > 0)
        {
            for (var i = 0; i < depth; i++)
            {
                text.Append(objects ? '}' : ']');
            }
        }

        return text.ToString();
    }

    /// <summary>Byte sequences that are not UTF-8: a stray continuation byte, an overlong slash, an encoded surrogate, a cut-off character.</summary>
    public static byte[] InvalidUtf8(Random random) => random.Next(5) switch
    {
        0 => [0xFF],
        1 => [0xC0, 0xAF],
        2 => [0xED, 0xA0, 0x80],
        3 => [0xE4, 0xBF],
        _ => [0x80, 0xFE, 0xFE],
    };

    /// <summary>Letters from every plane the platform may meet (CJK, emoji, combining marks, right-to-left, private use).</summary>
    private static string RandomUnicode(Random random, int length, bool percentEncoded)
    {
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var codePoint = random.Next(6) switch
            {
                0 => random.Next(0x4E00, 0x9FFF),
                1 => random.Next(0x1F300, 0x1FAFF),
                2 => random.Next(0x0300, 0x036F),
                3 => random.Next(0x0590, 0x06FF),
                4 => random.Next(0xE000, 0xF8FF),
                _ => random.Next(0x20, 0x7E),
            };
            var character = char.ConvertFromUtf32(codePoint);
            text.Append(percentEncoded ? Uri.EscapeDataString(character) : character is "\"" or "\\" ? "\\" + character : character);
        }

        return text.ToString();
    }
}
