namespace PetitionPlatform.Contracts;

/// <summary>How a petition reaches the unit in charge (API.md, routing <c>mode</c>).</summary>
public static class RoutingModes
{
    /// <summary>转送: sent to the unit with authority.</summary>
    public const string Transfer = "transfer";

    /// <summary>交办: assigned by a bureau two or more levels above, with a report-back date.</summary>
    public const string Assign = "assign";

    /// <summary>导入法定程序: belongs to litigation; the court is told, the petitioner is directed there.</summary>
    public const string GuideToLegal = "guide-to-legal";

    /// <summary>A report (检举控告) forwarded, confidentially, to discipline inspection.</summary>
    public const string ForwardToDiscipline = "forward-to-discipline";
}
