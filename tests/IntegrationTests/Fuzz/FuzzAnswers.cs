using System.Text.Json;

namespace PetitionPlatform.IntegrationTests.Fuzz;

/// <summary>
/// What the fuzz accepts as an answer: any status below 500, a 4xx with a body only as an RFC 9457 problem document,
/// and a 400 only with an <c>errors</c> map naming what to fix (API.md). Anything else, or no answer at all, is a failure
/// described with the request that caused it.
/// </summary>
public static class FuzzAnswers
{
    private const int ShownCharacters = 400;

    /// <summary>The status answered (none when there was no answer), and what is wrong with the answer, if anything.</summary>
    public static async Task<(int? Status, string? Failure)> CheckAsync(HttpClient client, FuzzRequest request, CancellationToken ct)
    {
        try
        {
            using var message = request.ToMessage();
            using var response = await client.SendAsync(message, ct);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(ct);
            var shown = text.Length <= ShownCharacters ? text : text[..ShownCharacters] + "…";
            if (status >= 500)
            {
                return (status, $"{status} for {request}\n    answer: {shown}");
            }

            if (status >= 400 && text.Length > 0 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                return (status, $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not a problem document, for {request}\n    answer: {shown}");
            }

            if (status == 400 && !NamesWhatToFix(text))
            {
                return (status, $"400 naming no field for {request}\n    answer: {shown}");
            }

            return (status, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return (null, $"no answer ({e.GetType().Name}: {e.Message}) for {request}");
        }
    }

    private static bool NamesWhatToFix(string problem)
    {
        try
        {
            using var document = JsonDocument.Parse(problem);
            return document.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Object
                && errors.EnumerateObject().Any();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
