namespace PetitionPlatform.Contracts;

/// <summary>
/// The matter is concluded (终结): the re-review was answered, or a political-legal organ recorded its termination.
/// The same facts are not accepted again anywhere.
/// </summary>
/// <param name="OrgId">Who terminated it: the re-reviewing unit, or the political-legal organ.</param>
/// <param name="Reason">One of <see cref="TerminationReasons"/>.</param>
/// <param name="LastAnsweredByOrgId">The unit whose answer stands, when there is one.</param>
/// <param name="RecordNumber">The political-legal organ's record number, for that kind of termination.</param>
public sealed record PetitionTerminated(
    Guid PetitionId,
    string OrgId,
    string Reason,
    string? LastAnsweredByOrgId,
    string? RecordNumber,
    DateTimeOffset OccurredAt) : IPetitionEvent;

/// <summary>Why a matter was terminated.</summary>
public static class TerminationReasons
{
    public const string ReReviewAnswered = "re-review-answered";
    public const string PoliticalLegal = "political-legal";
}
