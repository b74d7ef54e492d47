using PetitionPlatform.Contracts;

namespace PetitionPlatform.Supervision.Domain;

/// <summary>
/// A unit and its superiors as routing's directory gives them (each <c>parentId</c>: the same unit one level up, or
/// the petition bureau one level up), the unit first and the province-level unit last. Decides who receives each
/// notice about the unit's clocks:
/// <list type="bullet">
/// <item>reminder: the unit;</item>
/// <item>overdue: the unit, copied to its superior (the chain's second entry);</item>
/// <item>escalation k (k = 1 … max(1, superiors)): the joint conference of the region of the k-th superior, copied to
/// the unit and that superior; the last one is the province's joint conference. A unit at province level (no
/// superior) escalates once, to its province's joint conference.</item>
/// </list>
/// </summary>
public sealed record OrgChain(IReadOnlyList<string> Units)
{
    public string Unit => Units[0];

    public string? Superior => Units.Count > 1 ? Units[1] : null;

    /// <summary>How many escalation steps there are above the unit.</summary>
    public int EscalationLevels => Math.Max(1, Units.Count - 1);

    /// <summary>A chain of the unit alone, for a unit the directory does not know (or has not been asked about).</summary>
    public static OrgChain Alone(string orgId) => new([orgId]);

    public (string OrgId, IReadOnlyList<string> CopiedTo) RecipientsOf(string kind, int level, bool confidential)
    {
        if (confidential || kind == NoticeKinds.Reminder)
        {
            return (Unit, []);
        }

        if (kind == NoticeKinds.Overdue)
        {
            return (Unit, Superior is { } superior ? [superior] : []);
        }

        if (kind != NoticeKinds.Escalation || level < 1 || level > EscalationLevels)
        {
            throw new ArgumentOutOfRangeException(nameof(level), $"{kind} at level {level} is not a notice of a unit's chain.");
        }

        var recipient = level < Units.Count
            ? JointConferenceOf(OrgId.Parse(Units[level]).Region)
            : JointConferenceOf(OrgId.Parse(Unit).Region.Province);
        var copies = level < Units.Count ? new[] { Unit, Units[level] } : [Unit];
        return (recipient, [.. copies.Where(org => org != recipient).Distinct()]);
    }

    private static string JointConferenceOf(RegionCode region) => OrgId.Of(region, Contracts.Units.JointConference).ToString();
}
