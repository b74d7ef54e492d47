namespace PetitionPlatform.ServiceDefaults.Access;

/// <summary>What a platform access token says about its caller, besides the standard subject (the client id) and roles.</summary>
public static class PlatformClaims
{
    /// <summary>The organisation id (<c>130724/hrss</c>) the client acts for, taken from its registration, never from the request.</summary>
    public const string OrgId = "org_id";

    /// <summary>A role of <see cref="AccessRoles"/>; a token carries one claim per role.</summary>
    public const string Role = "role";

    /// <summary>The audience every platform token is issued for, and every service checks.</summary>
    public const string Audience = "petitionplatform";

    /// <summary>The token service's issuer: its address under service discovery, the same inside every deployment.</summary>
    public const string DefaultIssuer = "http://identity/";
}
