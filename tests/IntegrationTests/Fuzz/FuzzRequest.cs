using System.Text;
using PetitionPlatform.IntegrationTests.Access;

namespace PetitionPlatform.IntegrationTests.Fuzz;

/// <summary>
/// One generated request, kept as the exact bytes it sends: the path and query already percent-encoded, the body as
/// raw bytes (it may not be JSON, nor even UTF-8). <see cref="ToString"/> says enough to send it again by hand.
/// </summary>
public sealed record FuzzRequest(
    int Index, MatrixRow Row, MatrixCaller Caller, string Mutation, string PathAndQuery, string? ContentType, byte[]? Body,
    (string Name, string Value)? Header = null)
{
    private const int ShownCharacters = 300;

    /// <summary>
    /// The message as generated. <see cref="Uri"/> resolves dot segments (<c>..</c>, <c>%2e</c>) on the way out as any
    /// web server does on the way in (Kestrel would never hand a service an unresolved one), and leaves bytes that are
    /// not UTF-8 (<c>%ff</c>) and encoded slashes as they are.
    /// </summary>
    public HttpRequestMessage ToMessage()
    {
        var uri = new Uri("http://localhost" + PathAndQuery);
        var message = new HttpRequestMessage(new HttpMethod(Row.Method), uri);
        if (Header is var (name, value))
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

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
        var header = Header is var (name, value) ? $", header {name}: {Shown(value)}" : "";
        return $"#{Index} {Row.Method} {Shown(PathAndQuery)} as {Caller} [{Mutation}]{header}, content type {ContentType ?? "none"}, {body}";
    }

    private static string Shown(string text) =>
        text.Length <= ShownCharacters ? text : $"{text[..ShownCharacters]}… ({text.Length} characters)";
}
