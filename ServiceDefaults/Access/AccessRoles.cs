namespace PetitionPlatform.ServiceDefaults.Access;

/// <summary>The roles of ACCESS.md, as tokens carry them: each client acts for one organisation and holds some of these.</summary>
public static class AccessRoles
{
    /// <summary>A region's petition bureau: registers, reads the ledger, notices, backlog and indicators of its subtree.</summary>
    public const string Bureau = "bureau";

    /// <summary>A functional department or township government: acts on the cases it leads or co-handles.</summary>
    public const string Unit = "unit";

    /// <summary>The same kind of unit one level up: everything a unit may, on the review cases opened at it.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>Discipline inspection: the only readers of reports in its region.</summary>
    public const string Discipline = "discipline";

    /// <summary>A region's joint conference: reads escalations and disputes, decides disputes.</summary>
    public const string JointConference = "joint-conference";

    /// <summary>Courts, procuratorates, political-legal committees: record terminations of litigation-related matters.</summary>
    public const string PoliticalLegal = "political-legal";

    /// <summary>A citizens' portal, the 12345 hotline, a QR-code service: registers on a citizen's behalf, nothing else.</summary>
    public const string Portal = "portal";

    /// <summary>The platform's operators: clients, directory, calendar; never petitions.</summary>
    public const string Operator = "operator";

    /// <summary>The provincial bureau's auditors: the audit trail.</summary>
    public const string Auditor = "auditor";

    public static readonly IReadOnlyList<string> All =
        [Bureau, Unit, Reviewer, Discipline, JointConference, PoliticalLegal, Portal, Operator, Auditor];

    /// <summary>
    /// The roles that act for their organisation, as against portals, operators and auditors, which act for the
    /// platform or citizens whatever organisation their client is filed under.
    /// </summary>
    public static readonly string[] Organisations = [Bureau, Unit, Reviewer, Discipline, JointConference, PoliticalLegal];

    /// <summary>The roles that oversee a region and everything below it: its petition bureau and its joint conference.</summary>
    public static readonly string[] Overseers = [Bureau, JointConference];
}
