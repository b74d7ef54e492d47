namespace PetitionPlatform.Handling.Domain;

/// <summary>
/// A hearing (听证) the reviewing unit held, as China calendar days, both included. Kept on the case (a JSON column of its
/// row) so that two hearings recorded at once are checked against each other under the case's row version.
/// </summary>
public sealed class CaseHearing
{
    private CaseHearing()
    {
    }

    public CaseHearing(string orgId, DateOnly startedOn, DateOnly endedOn, DateTimeOffset recordedAt)
    {
        OrgId = orgId;
        StartedOn = startedOn;
        EndedOn = endedOn;
        RecordedAt = recordedAt;
    }

    public string OrgId { get; private set; } = "";

    public DateOnly StartedOn { get; private set; }

    public DateOnly EndedOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public int Days => CasePeriods.HearingDays(StartedOn, EndedOn);

    public bool Overlaps(DateOnly startedOn, DateOnly endedOn) => StartedOn <= endedOn && startedOn <= EndedOn;
}
