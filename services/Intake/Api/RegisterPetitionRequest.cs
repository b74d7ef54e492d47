using System.Text.Json.Serialization;

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

/// <summary>
/// The registration answer (API.md), extended: <c>duplicateOf</c> / <c>repeatOf</c> name the earlier petition of the same
/// matter, and <c>note</c> tells the petitioner in a sentence what that means, when there is one.
/// </summary>
public sealed record PetitionAccepted(
    Guid PetitionId,
    string Number,
    string TrackingCode,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? DuplicateOf = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? RepeatOf = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note = null);
