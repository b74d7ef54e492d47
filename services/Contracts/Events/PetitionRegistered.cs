namespace PetitionPlatform.Contracts;

/// <summary>
/// A petition was registered by intake. Carries no personal data: the petitioner's identity stays in intake's
/// database; other services work with <see cref="PetitionId"/> only.
/// </summary>
/// <param name="PetitionId">Intake's id of the petition.</param>
/// <param name="Number">The human-readable petition number.</param>
/// <param name="Channel">The door it came in by (kebab-case, as in the public API).</param>
/// <param name="Kind">complaint, report or suggestion.</param>
/// <param name="Topic">Topic of the classification list.</param>
/// <param name="RegionCode">Where the matter arose.</param>
/// <param name="ReceivedBy">The unit that registered it (the acting organisation).</param>
/// <param name="Headcount">How many people raise it; five or more is a collective petition.</param>
/// <param name="OccurredAt">When it was registered.</param>
/// <param name="TrackingCodeHash">
/// <see cref="TrackingCodes.Hash"/> of the petitioner's query code: lets other services recognise the petitioner
/// (evaluation, progress view) without ever holding the code.
/// </param>
/// <param name="Subtopic">For suggestions: the kind of unit the suggestion is addressed to (e.g. <c>housing</c>).</param>
/// <param name="RepeatOfPetitionId">
/// Set when this is a repeat petition (重复信访): the same petitioner brings back a matter that was already answered.
/// Names the answered petition it repeats.
/// </param>
/// <param name="RepeatRouteToOrgId">For a repeat petition: the unit that answered the original, which receives it again.</param>
/// <param name="RepeatOfNumber">For a repeat petition: the original's petition number, for the sentences people read.</param>
public sealed record PetitionRegistered(
    Guid PetitionId,
    string Number,
    string Channel,
    string Kind,
    string Topic,
    string RegionCode,
    string ReceivedBy,
    int Headcount,
    DateTimeOffset OccurredAt,
    string TrackingCodeHash,
    string? Subtopic = null,
    Guid? RepeatOfPetitionId = null,
    string? RepeatRouteToOrgId = null,
    string? RepeatOfNumber = null) : IPetitionEvent;
