namespace PetitionPlatform.Supervision.Domain.Indicators;

/// <summary>
/// Which petitions are repeats (重复信访) of earlier ones. Intake marks a repeat on its registration
/// (PetitionRegistered.RepeatOfPetitionId, added by the duplicates work); until registrations carry the mark every
/// answer is empty and the repeat indicators count zero.
/// </summary>
public interface IRepeatRegister
{
    /// <summary>For each of <paramref name="petitionIds"/> that is a repeat: the earlier petition it repeats.</summary>
    Task<IReadOnlyDictionary<Guid, Guid>> RepeatsOfAsync(IReadOnlyCollection<Guid> petitionIds, CancellationToken ct);

    /// <summary>Those of <paramref name="petitionIds"/> that some registration names as the petition it repeats.</summary>
    Task<IReadOnlySet<Guid>> RepeatedAsync(IReadOnlyCollection<Guid> petitionIds, CancellationToken ct);
}
