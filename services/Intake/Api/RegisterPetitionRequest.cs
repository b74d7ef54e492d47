namespace PetitionPlatform.Intake.Api;

/// <summary>The body of <c>POST /api/intake/petitions</c> (API.md). Vocabulary fields are strings so that a wrong
/// value gets a problem naming the field rather than a deserialisation error. <c>subtopic</c> extends API.md: for a
/// suggestion, the kind of unit it is addressed to (e.g. <c>housing</c>), as the classification list asks.</summary>
public sealed record RegisterPetitionRequest(
    string? Channel,
    string? Kind,
    string? Topic,
    string? Subject,
    string? Content,
    string? RegionCode,
    string? ReceivedBy,
    PetitionerRequest? Petitioner,
    int? Headcount,
    IReadOnlyList<string?>? Representatives,
    string? Subtopic = null);

public sealed record PetitionerRequest(string? Name, string? IdNumber, string? Phone, string? Address);

public sealed record PetitionAccepted(Guid PetitionId, string Number, string TrackingCode, string Status);
