using Microsoft.AspNetCore.Http.HttpResults;
using PetitionPlatform.Identity.Signing;

namespace PetitionPlatform.Identity.Api;

public sealed record SigningKeyView(string Id, DateTimeOffset NotBefore, DateTimeOffset NotAfter);

/// <summary>
/// The operators' rotation of the signing key: a successor is made now and published at once; it signs from
/// <see cref="SigningKeyPolicy.PublishAhead"/> on, when every instance and validator knows it. No restart, no downtime.
/// </summary>
public static class SigningKeysApi
{
    public static IEndpointRouteBuilder MapSigningKeysApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/identity/signing-keys", RotateAsync).WithTags("Signing keys").RequireAuthorization(ClientsApi.OperatorPolicy)
            .WithSummary("Rotate: a new signing key, published now, signing once valid");
        return app;
    }

    private static async Task<Created<SigningKeyView>> RotateAsync(SigningKeyStore store, SigningKeyRing ring, CancellationToken ct)
    {
        var key = await store.RotateAsync(ct);
        // Published by this instance at once; the others take it up within their refresh interval.
        await ring.ReloadAsync(store, ct);
        return TypedResults.Created($"/api/identity/signing-keys/{key.Id}", new SigningKeyView(key.Id, key.NotBefore, key.NotAfter));
    }
}
