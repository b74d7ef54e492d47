using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PetitionPlatform.IntegrationTests.Fuzz;

/// <summary>
/// Mutations of a valid JSON body: one field given a hostile value (wrong type, null, huge number, deep nesting, long or
/// unreadable text), an unknown field, a duplicate key, bytes that are not UTF-8 inside a string, the whole body
/// replaced or wrapped in an array, cut short, mislabelled or empty. A hostile value goes in as raw text in the place
/// of a marker, since no JSON tree can hold 1e400 or 10,000 levels of nesting.
/// </summary>
public static class BodyMutations
{
    public const string Json = "application/json";

    private const string Marker = "__fuzz_marker__";
    private const string DuplicateMarker = "__fuzz_duplicate__";

    private static readonly string[] s_wrongContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1",
        "application/json; charset=utf-32", "application/problem+json", "application/*", "%%%", ";;", "",
    ];

    public static (byte[]? Body, string? ContentType, string Mutation) Mutate(Random random, JsonNode? valid)
    {
        var body = valid?.DeepClone() ?? new JsonObject();
        switch (random.Next(12))
        {
            case 0:
            case 1:
            case 2:
                {
                    var (field, text) = WithMarkerAt(random, body);
                    return (Splice(text, Marker, HostileValues.JsonValue(random)), Json, $"{field} given a hostile value");
                }

            case 3:
                {
                    var target = RandomObject(random, body);
                    target[random.Next(3) == 0 ? "un\u0001expected" : "unexpected"] = Marker;
                    return (Splice(body.ToJsonString(), Marker, HostileValues.JsonValue(random)), Json, "unknown field");
                }

            case 4 when RandomObject(random, body) is { Count: > 0 } target:
                {
                    var name = target.ElementAt(random.Next(target.Count)).Key;
                    target[DuplicateMarker] = Marker;
                    var text = body.ToJsonString().Replace($"\"{DuplicateMarker}\"", JsonSerializer.Serialize(name), StringComparison.Ordinal);
                    return (Splice(text, Marker, HostileValues.JsonValue(random)), Json, $"duplicate key {name}");
                }

            case 4:
            case 5:
                {
                    // Bytes that are not UTF-8 inside a string: the marker stays quoted, its letters become the bytes.
                    var (field, text) = WithMarkerAt(random, body);
                    var bytes = Encoding.UTF8.GetBytes(text.Replace($"\"{Marker}\"", $"\"a{Marker}b\"", StringComparison.Ordinal));
                    return (Replace(bytes, Encoding.UTF8.GetBytes(Marker), HostileValues.InvalidUtf8(random)), Json, $"{field} holds bytes that are not UTF-8");
                }

            case 6:
                return random.Next(3) switch
                {
                    0 => (Encoding.UTF8.GetBytes($"[{body.ToJsonString()}]"), Json, "body wrapped in an array"),
                    1 => (Encoding.UTF8.GetBytes(HostileValues.DeepNesting(random)), Json, "body deeply nested"),
                    _ => (Encoding.UTF8.GetBytes(HostileValues.JsonValue(random)), Json, "body replaced by a value"),
                };

            case 7:
                {
                    var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
                    var length = random.Next(bytes.Length);
                    return (bytes[..length], Json, $"body cut after {length} bytes");
                }

            case 8:
                {
                    var type = s_wrongContentTypes[random.Next(s_wrongContentTypes.Length)];
                    return (Encoding.UTF8.GetBytes(body.ToJsonString()), type, $"content type '{type}'");
                }

            case 9:
                return random.Next(3) switch
                {
                    0 => ([], Json, "empty body"),
                    1 => ([], null, "empty body without a content type"),
                    _ => (null, null, "no body"),
                };

            case 10:
                {
                    var text = body.ToJsonString();
                    return random.Next(4) switch
                    {
                        0 => ([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)], Json, "byte order mark"),
                        1 => (Encoding.UTF8.GetBytes(text + "}{"), Json, "trailing garbage"),
                        2 => (Encoding.UTF8.GetBytes("/* comment */" + text), Json, "comment"),
                        _ => (Encoding.UTF8.GetBytes(text.Replace('"', '\'')), Json, "single quotes"),
                    };
                }

            default:
                {
                    // Many fields at once, each a hostile value: what a broken client sends.
                    var target = RandomObject(random, body);
                    foreach (var name in target.Select(p => p.Key).ToList())
                    {
                        target[name] = JsonNode.Parse(random.Next(2) == 0 ? "null" : "[1]");
                    }

                    return (Encoding.UTF8.GetBytes(body.ToJsonString()), Json, "every field of an object null or an array");
                }
        }
    }

    /// <summary>A field of the body (any depth, an array element included) replaced by the marker; the body itself when it has none.</summary>
    private static (string Field, string Text) WithMarkerAt(Random random, JsonNode body)
    {
        var places = Places(body, "").ToList();
        if (places.Count == 0)
        {
            return ("body", $"\"{Marker}\"");
        }

        var (parent, key, index, field) = places[random.Next(places.Count)];
        if (parent is JsonObject obj)
        {
            obj[key!] = Marker;
        }
        else
        {
            ((JsonArray)parent)[index] = Marker;
        }

        return (field, body.ToJsonString());
    }

    private static IEnumerable<(JsonNode Parent, string? Key, int Index, string Field)> Places(JsonNode node, string at)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                var field = at.Length == 0 ? name : $"{at}.{name}";
                yield return (obj, name, -1, field);
                foreach (var inner in child is null ? [] : Places(child, field))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var field = $"{at}[{i}]";
                yield return (array, null, i, field);
                foreach (var inner in array[i] is { } child ? Places(child, field) : [])
                {
                    yield return inner;
                }
            }
        }
    }

    private static JsonObject RandomObject(Random random, JsonNode body)
    {
        var objects = Places(body, "").Select(p => p.Parent).OfType<JsonObject>().Distinct().ToList();
        return objects.Count > 0 ? objects[random.Next(objects.Count)] : body as JsonObject ?? new JsonObject();
    }

    private static byte[] Splice(string text, string marker, string raw) =>
        Encoding.UTF8.GetBytes(text.Replace($"\"{marker}\"", raw, StringComparison.Ordinal));

    private static byte[] Replace(byte[] bytes, byte[] marker, byte[] with)
    {
        var at = bytes.AsSpan().IndexOf(marker);
        return at < 0 ? bytes : [.. bytes[..at], .. with, .. bytes[(at + marker.Length)..]];
    }
}
