using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Identity;

/// <summary>The token service's settings, section <c>Identity</c>.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>The issuer of every token, and where validators find its keys: its address under service discovery.</summary>
    public Uri Issuer { get; set; } = new(PlatformClaims.DefaultIssuer);

    /// <summary>Short-lived: a removed client or a rotated key stops mattering within this.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often every instance reads the signing keys again, so that a key made by another instance or an operator is
    /// published and, once valid, signs. It must stay well under <see cref="Signing.SigningKeyPolicy.PublishAhead"/>.
    /// </summary>
    public TimeSpan SigningKeysRefresh { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The secret of the <c>operator</c> client made at first start, so that operators can sign in to make the others.</summary>
    public string? OperatorSecret { get; set; }

    /// <summary>Development: one client per organisation of the demo directory, plus portal, operator and auditor.</summary>
    public bool DemoClients { get; set; }

    /// <summary>Where the demo clients' secrets are written (<c>.data/identity/clients.json</c> under the AppHost).</summary>
    public string? ClientsFile { get; set; }
}
