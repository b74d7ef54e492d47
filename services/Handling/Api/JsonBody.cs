using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PetitionPlatform.Handling.Api;

/// <summary>
/// Reads a request body itself instead of leaving it to parameter binding, so that malformed JSON or a value of the
/// wrong type becomes a problem naming the field ("$.days" → "days") rather than a bare 400.
/// </summary>
internal static class JsonBody
{
    public static async Task<(T? Value, ValidationProblem? Problem)> ReadAsync<T>(HttpRequest http, CancellationToken ct) where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(http.Body, JsonSerializerOptions.Web, ct);
            return value is null ? (null, Invalid("body", "A JSON object is required.")) : (value, null);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return (null, Invalid(field, "Malformed JSON or a value of the wrong type."));
        }
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: CasesApi.InvalidTitle);
}
