namespace PetitionPlatform.IntegrationTests.Access;

/// <summary>How a caller of the matrix presents itself.</summary>
public enum Credential
{
    /// <summary>No Authorization header: a petitioner, or someone who did not sign in.</summary>
    None,

    /// <summary>A token with a valid client's claims, signed by a key the token service never had.</summary>
    Forged,

    /// <summary>A token the token service's own key signed, whose lifetime is over.</summary>
    Expired,

    /// <summary>A token of the run's token service for <see cref="MatrixCaller.ClientId"/>.</summary>
    Issued,
}

/// <summary>A column of the matrix: who calls, and the organisation its requests speak for.</summary>
public sealed record MatrixCaller(string Name, Credential Credential, string? ClientId = null)
{
    /// <summary>The organisation a body names as the caller's own ("by", "orgId"): the client's, as the demo clients are
    /// named; portal, operator and auditor act for the province's bureau; a token-less caller claims the lead unit.</summary>
    public string Org => ClientId is null or "portal" or "operator" or "auditor"
        ? ClientId is null ? MatrixCallers.Lead.ClientId! : MatrixCallers.Registrar.ClientId!
        : ClientId;

    public bool HasToken => Credential == Credential.Issued;

    public override string ToString() => Name;
}

/// <summary>
/// The columns: no token, a forged and an expired one, and a client of every role of ACCESS.md, inside and outside the
/// region of the matrix's petition (the Guyuan case: registered by the province's bureau, with Guyuan's labour bureau).
/// </summary>
public static class MatrixCallers
{
    public static readonly MatrixCaller Anonymous = new("no token", Credential.None);
    public static readonly MatrixCaller Forged = new("forged token", Credential.Forged);
    public static readonly MatrixCaller Expired = new("expired token", Credential.Expired);

    /// <summary>The province's bureau: registered the petition; oversees every region of the province.</summary>
    public static readonly MatrixCaller Registrar = Client("130000/petition-bureau");

    /// <summary>The city's bureau: over the region, did not register it.</summary>
    public static readonly MatrixCaller CityBureau = Client("130700/petition-bureau");

    public static readonly MatrixCaller ForeignBureau = Client("500000/petition-bureau");

    /// <summary>Guyuan's labour bureau: the case is with it.</summary>
    public static readonly MatrixCaller Lead = Client("130724/hrss");

    public static readonly MatrixCaller OtherUnit = Client("130724/housing");
    public static readonly MatrixCaller ForeignUnit = Client("500112/hrss");
    public static readonly MatrixCaller Discipline = Client("130724/discipline");
    public static readonly MatrixCaller JointConference = Client("130724/joint-conference");
    public static readonly MatrixCaller Court = Client("130724/court");
    public static readonly MatrixCaller ForeignCourt = Client("500112/court");
    public static readonly MatrixCaller Portal = Client("portal");
    public static readonly MatrixCaller Operator = Client("operator");
    public static readonly MatrixCaller Auditor = Client("auditor");

    public static readonly IReadOnlyList<MatrixCaller> All =
    [
        Anonymous, Forged, Expired, Registrar, CityBureau, ForeignBureau, Lead, OtherUnit, ForeignUnit, Discipline,
        JointConference, Court, ForeignCourt, Portal, Operator, Auditor,
    ];

    private static MatrixCaller Client(string clientId) => new(clientId, Credential.Issued, clientId);
}
