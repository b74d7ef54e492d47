using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using PetitionPlatform.Contracts;

namespace PetitionPlatform.ServiceDefaults.Access;

/// <summary>
/// Who is calling, as the validated token says: the client, the organisation it acts for and its roles. An endpoint
/// takes it as a parameter; it binds only for a signed-in client (an endpoint open to petitioners takes none).
/// </summary>
public sealed record Caller(string ClientId, OrgId Org, IReadOnlySet<string> Roles)
{
    public bool Has(string role) => Roles.Contains(role);

    public bool HasAny(params ReadOnlySpan<string> roles)
    {
        foreach (var role in roles)
        {
            if (Roles.Contains(role))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A discipline inspection unit's client: the only readers of reports (ACCESS.md rule 3).</summary>
    public bool IsDisciplineUnit => Has(AccessRoles.Discipline) && Org.Unit == Units.Discipline;

    /// <summary>The caller's own organisation.</summary>
    public bool Is(string? orgId) => orgId is not null && Org.ToString() == orgId;

    public static Caller? From(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && user.FindFirst("sub")?.Value is { } client
        && OrgId.TryParse(user.FindFirst(PlatformClaims.OrgId)?.Value, out var org)
            ? new Caller(client, org, user.FindAll(PlatformClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal))
            : null;

    /// <summary>Minimal APIs' binding: the endpoint's policy has made sure a client is signed in.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult(From(context.User));
}
