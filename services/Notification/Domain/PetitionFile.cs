namespace PetitionPlatform.Notification.Domain;

/// <summary>What notification knows about one petition when it plans messages: the petition and its routing decisions.</summary>
public sealed record PetitionFile(KnownPetition Petition, IReadOnlyList<RoutingDecision> Decisions)
{
    public string Number => Petition.Number;

    /// <summary>A report, or any decision marked confidential: only the responsible unit may be told.</summary>
    public bool Confidential => Petition.IsReport || Decisions.Any(d => d.Confidential);

    /// <summary>The latest decision that sent the matter to <paramref name="orgId"/>, if any.</summary>
    public RoutingDecision? DecisionSendingTo(string orgId) =>
        Decisions.Where(d => d.ResponsibleOrgId == orgId).MaxBy(d => d.Attempt);

    /// <summary>The unit's name as routing gave it, or its id where notification never learned the name.</summary>
    public string NameOf(string orgId) => DecisionSendingTo(orgId)?.ResponsibleOrgName ?? orgId;
}
