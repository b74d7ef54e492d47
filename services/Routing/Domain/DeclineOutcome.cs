namespace PetitionPlatform.Routing.Domain;

/// <summary>After a decline: either another unit gets the matter, or someone above must decide.</summary>
public abstract record DeclineOutcome
{
    private DeclineOutcome()
    {
    }

    public sealed record Rerouted(RoutePlan Plan) : DeclineOutcome;

    public sealed record DecisionRequired(string DeciderOrgId, string Reason) : DeclineOutcome;
}
