using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Api;

/// <summary>A linked submission as the ledger lists it: its id and number.</summary>
public sealed record LinkedPetitionResponse(string PetitionId, string Number, DateTimeOffset LinkedAt)
{
    public static LinkedPetitionResponse From(PetitionLink link) => new(link.PetitionId.ToString(), link.Number, link.LinkedAt.InChina());
}

internal static class LedgerLinksExtensions
{
    /// <summary>The ledger with its links: what it repeats or duplicates, its duplicates, and its repeat petitions and their count.</summary>
    public static LedgerResponse WithLinks(this LedgerResponse ledger, LedgerLinks links) => ledger with
    {
        RepeatOf = links.Own is { Kind: PetitionLink.Repeat } repeat ? repeat.OriginalPetitionId.ToString() : null,
        DuplicateOf = links.Own is { Kind: PetitionLink.Duplicate } duplicate ? duplicate.OriginalPetitionId.ToString() : null,
        RepeatCount = links.Repeats.Count,
        Repeats = [.. links.Repeats.Select(LinkedPetitionResponse.From)],
        Duplicates = [.. links.Duplicates.Select(LinkedPetitionResponse.From)],
    };

    /// <summary>
    /// A duplicate has no clocks of its own (it was never routed); its ledger says so and points at the original,
    /// whose ledger is where the matter is followed.
    /// </summary>
    public static LedgerResponse ForDuplicate(PetitionLink duplicate) =>
        new LedgerResponse(duplicate.PetitionId.ToString(), duplicate.Number, PetitionLink.Duplicate, null, null, false, [], [], null)
        {
            DuplicateOf = duplicate.OriginalPetitionId.ToString(),
        };
}
