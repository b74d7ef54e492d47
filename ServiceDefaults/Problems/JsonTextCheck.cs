using System.Text;
using System.Text.Json;

namespace PetitionPlatform.ServiceDefaults.Problems;

/// <summary>
/// Walks a JSON document and names the first string (value or property name) that <see cref="UnreadableText"/> refuses,
/// as a field path like the validators use (<c>petitioner.name</c>, <c>representatives[1]</c>); null when all are readable.
/// Malformed JSON is left to the deserializer, which names where it breaks.
/// </summary>
public static class JsonTextCheck
{
    public static string? FirstUnreadableField(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        var path = new List<object>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Advance(path);
                        path.Add(reader.TokenType == JsonTokenType.StartArray ? -1 : "");
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (UnreadableText.HasControlCharacters(name))
                        {
                            // The name itself cannot be echoed back as the field.
                            return Describe(path);
                        }

                        path[^1] = name;

                        break;
                    case JsonTokenType.String:
                        Advance(path);
                        if (UnreadableText.HasControlCharacters(reader.GetString()))
                        {
                            return Describe(path);
                        }

                        break;
                    default:
                        Advance(path);
                        break;
                }
            }
        }
        catch (InvalidOperationException)
        {
            // A string that cannot be transcoded to UTF-16 (a lone surrogate escape, bytes that are not UTF-8).
            return Describe(path);
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    /// <summary>A value inside an array moves the array's index on; inside an object the property name already says where.</summary>
    private static void Advance(List<object> path)
    {
        if (path.Count > 0 && path[^1] is int index)
        {
            path[^1] = index + 1;
        }
    }

    private static string Describe(List<object> path)
    {
        var field = new StringBuilder();
        foreach (var step in path)
        {
            if (step is int index)
            {
                field.Append('[').Append(Math.Max(index, 0)).Append(']');
            }
            else if (step is string { Length: > 0 } name)
            {
                field.Append(field.Length > 0 ? "." : "").Append(JsonNamingPolicy.CamelCase.ConvertName(name));
            }
        }

        return field.Length > 0 ? field.ToString() : "body";
    }
}
