using System.Text;
using PetitionPlatform.IntegrationTests.Access;

namespace PetitionPlatform.IntegrationTests.Fuzz;

/// <summary>
/// One generated request, kept as the exact bytes it sends: the path and query already percent-encoded, the body as
/// raw bytes (it may not be JSON, nor even UTF-8). <see cref="ToString"/> says enough to send it again by hand.
/// </summary>
public sealed record FuzzRequest(
    int Index, MatrixRow Row, MatrixCaller Caller, string Mutation, string PathAndQuery, string? ContentType, byte[]? Body)
{
    private const int ShownCharacters = 300;

    /// <summary>
    /// The message as generated: canonicalisation is off so that <c>..</c>, <c>%2e</c> and <c>%ff</c> reach the server
    /// as written instead of being resolved or re-encoded by <see cref="Uri"/> on the way out.
    /// </summary>
    public HttpRequestMessage ToMessage()
    {
        var uri = new Uri("http://localhost" + PathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var message = new HttpRequestMessage(new HttpMethod(Row.Method), uri);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                // Without validation: a malformed media type is one of the things sent.
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }

    public override string ToString()
    {
        var body = Body is null ? "no body" : $"body of {Body.Length} bytes: {Shown(Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, ShownCharacters * 4)))}";
        return $"#{Index} {Row.Method} {Shown(PathAndQuery)} as {Caller} [{Mutation}], content type {ContentType ?? "none"}, {body}";
    }

    private static string Shown(string text) =>
        text.Length <= ShownCharacters ? text : $"{text[..ShownCharacters]}… ({text.Length} characters)";
}
