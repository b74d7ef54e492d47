using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PetitionPlatform.ServiceDefaults.Problems;

/// <summary>
/// Reads a request body itself instead of leaving it to parameter binding, so that malformed JSON or a value of the
/// wrong type becomes a problem naming the field (<c>$.headcount</c> → <c>headcount</c>) rather than a bare 400, and a
/// missing body says what was expected, and text no field takes (<see cref="UnreadableText"/>) is named the same way.
/// <c>Value</c> is null exactly when <c>Problem</c> is not, so callers return the
/// problem first and then use the value as it is.
/// </summary>
public static class JsonBody
{
    public static async Task<(T Value, ValidationProblem? Problem)> ReadAsync<T>(
        HttpRequest request, string expected, CancellationToken ct, string title = Problem.InvalidTitle) where T : class
    {
        try
        {
            // Buffered (the body limit bounds it) so that unreadable text is named before anything is bound or stored.
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            if (JsonTextCheck.FirstUnreadableField(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is { } unreadable)
            {
                return (null!, Problem.Invalid(unreadable, UnreadableText.Message, title));
            }

            buffer.Position = 0;
            var value = await JsonSerializer.DeserializeAsync<T>(buffer, JsonSerializerOptions.Web, ct);
            return value is null ? (null!, Problem.Invalid("body", expected, title)) : (value, null);
        }
        catch (JsonException ex) when (ex is { LineNumber: 0, BytePositionInLine: 0 })
        {
            // Nothing at all was sent.
            return (null!, Problem.Invalid("body", expected, title));
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return (null!, Problem.Invalid(field, "Malformed JSON or a value of the wrong type.", title));
        }
    }
}
