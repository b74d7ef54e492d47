namespace PetitionPlatform.IntegrationTests.Fuzz;

/// <summary>
/// The headers a service reads itself: a hostile <c>Idempotency-Key</c> (empty, over its length, odd characters,
/// sent twice), and a hostile <c>Authorization</c> (malformed, unsigned, enormous: sent in place of the caller's own
/// token, so the request goes as from no one). Only printable ASCII: a web server refuses anything else in a header
/// before a service sees it.
/// </summary>
public static class HeaderMutations
{
    public const string Authorization = "Authorization";

    private static readonly string[] s_idempotencyKeys =
    [
        "", " ", "a", "%00", "..", "null", "\"quoted\"", "key,other", "1e400", "99999999999999999999", "00000000-0000-0000-0000-000000000000",
    ];

    private static readonly string[] s_authorizations =
    [
        "", "Bearer", "Bearer ", "Bearer a.b.c", "Bearer ...", "Basic b3BlcmF0b3I6b3BlcmF0b3I=", "bearer x", "Bearer Bearer x",
        // A header {"alg":"none"} and claims of the operator, unsigned.
        "Bearer eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0.eyJzdWIiOiJvcGVyYXRvciIsInJvbGUiOlsib3BlcmF0b3IiXX0.",
        "Bearer eyJhbGciOiJSUzI1NiJ9.e30.AAAA", "Bearer %ff%fe", "Negotiate YIIB",
    ];

    public static (string Name, string Value, string Mutation) Mutate(Random random)
    {
        if (random.Next(2) == 0)
        {
            var key = random.Next(3) == 0 ? new string('k', random.Next(201, 20_000)) : s_idempotencyKeys[random.Next(s_idempotencyKeys.Length)];
            return ("Idempotency-Key", key, "Idempotency-Key header");
        }

        var value = random.Next(4) == 0
            ? "Bearer " + new string('e', random.Next(1_000, 100_000))
            : s_authorizations[random.Next(s_authorizations.Length)];
        return (Authorization, value, "Authorization header");
    }
}
