namespace PetitionPlatform.ServiceDefaults.Access;

/// <summary>
/// Endpoint metadata: the service lets the platform's own services call without a token, but the gateway asks every
/// outside caller for one (<see cref="EndpointAccess.AllowPlatformServices{TBuilder}"/>). The API documents describe
/// the API as agencies reach it, through the gateway, so they mark such an endpoint as needing a token.
/// </summary>
public sealed class TokenAtGateway
{
    public static readonly TokenAtGateway Instance = new();

    private TokenAtGateway()
    {
    }
}
