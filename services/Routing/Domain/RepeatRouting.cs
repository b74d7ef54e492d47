using PetitionPlatform.Contracts;

namespace PetitionPlatform.Routing.Domain;

/// <summary>
/// A repeat petition (重复信访: the same petitioner brings back a matter that was answered) goes straight back to the unit
/// that answered it, which knows the file and must explain or correct its answer, instead of being classified anew.
/// It is transferred, not assigned: there is no new report-back to set for a matter the unit already concluded.
/// A report stays confidential and goes only to that unit (discipline inspection answered it).
/// </summary>
public static class RepeatRouting
{
    /// <summary>The plan, or null when the answering unit is not (any longer) in the directory: the usual rules decide then.</summary>
    public static RoutePlan? Decide(PetitionFacts facts, OrgDirectory directory, string answeredByOrgId, string? originalNumber)
    {
        var receiver = directory.FindOrganization(facts.ReceivedBy)
            ?? throw new UnroutablePetitionException($"The receiving unit '{facts.ReceivedBy}' is not in the directory.");
        var answeredBy = directory.FindOrganization(answeredByOrgId);
        if (answeredBy is null)
        {
            return null;
        }

        var confidential = RoutingRules.IsReport(facts, directory.FindTopic(facts.Topic));
        IReadOnlyList<string> path = confidential
            ? receiver.Id == answeredBy.Id ? [answeredBy.Id] : [receiver.Id, answeredBy.Id]
            : ChainPath.Between(directory, receiver, answeredBy);
        var original = originalNumber is null ? "an earlier petition" : $"petition {originalNumber}";
        var modeClause = confidential
            ? "forwarded in confidence to the unit that answered it; no other unit sees it"
            : "transferred back to the unit that answered it";
        return new RoutePlan(
            confidential ? RoutingModes.ForwardToDiscipline : RoutingModes.Transfer,
            answeredBy,
            path,
            [],
            confidential,
            $"repeat petition (重复信访) of {original}, answered by {answeredBy.Name} ({answeredBy.Id}); {modeClause}.",
            null,
            null);
    }
}
