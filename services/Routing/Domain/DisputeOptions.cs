using System.ComponentModel.DataAnnotations;

namespace PetitionPlatform.Routing.Domain;

/// <summary>
/// Section <c>Routing</c>: how long the common superior (or the joint conference) has to decide a disputed matter once
/// no unit is left to route it to. Counted in days on the statutory calendar, like every other period.
/// </summary>
public sealed class DisputeOptions
{
    public const string Section = "Routing";

    /// <summary>Days from RoutingDecisionRequired to the decision; 7 unless configured (the regulation names no number).</summary>
    [Range(1, 60)]
    public int DisputeDecisionPeriod { get; set; } = 7;
}
