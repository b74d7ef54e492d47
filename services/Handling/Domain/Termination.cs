namespace PetitionPlatform.Handling.Domain;

/// <summary>
/// The matter is concluded (终结): after the re-review answer, or by a political-legal organ's record. One per petition;
/// afterwards no case of the petition can be contested again.
/// </summary>
public sealed class Termination
{
    public Guid PetitionId { get; init; }

    /// <summary>The re-reviewing unit, or the political-legal organ.</summary>
    public required string OrgId { get; init; }

    /// <summary>One of <see cref="Contracts.TerminationReasons"/>.</summary>
    public required string Reason { get; init; }

    public string? RecordNumber { get; init; }

    public DateTimeOffset TerminatedAt { get; init; }

    /// <summary>Why a request to contest is refused, worded for the petitioner.</summary>
    public string Refusal => Reason == Contracts.TerminationReasons.PoliticalLegal
        ? $"Cannot request a review: the matter is terminated; {OrgId} recorded its termination (record {RecordNumber}) on {China(TerminatedAt):yyyy-MM-dd}."
        : $"Cannot request a review: the matter is terminated; the re-review by {OrgId} was answered on {China(TerminatedAt):yyyy-MM-dd} and is final.";

    private static DateTimeOffset China(DateTimeOffset at) => at.ToOffset(Contracts.Periods.StatutoryCalendar.ChinaOffset);
}
