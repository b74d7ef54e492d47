namespace PetitionPlatform.Handling.Domain;

/// <summary>
/// How a matter reached a case's unit: one of routing's modes (<see cref="Contracts.RoutingModes"/>) for the original
/// stage, or the petitioner's request for a review or re-review.
/// </summary>
public static class CaseModes
{
    /// <summary>The petitioner contested an answer; the case was opened at the unit one level above, not by routing.</summary>
    public const string ReviewRequest = "review-request";
}
