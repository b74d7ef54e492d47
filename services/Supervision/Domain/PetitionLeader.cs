namespace PetitionPlatform.Supervision.Domain;

/// <summary>
/// A leader who took the petition on personally (领导包案). <see cref="Leader"/> names the official in their office
/// (e.g. "县委副书记") as the supervisor recorded it; it is about the public official, never the petitioner.
/// </summary>
public sealed class PetitionLeader
{
    public Guid PetitionId { get; init; }

    public required string Leader { get; set; }

    public required string OrgId { get; set; }

    public DateTimeOffset TakenAt { get; set; }
}
