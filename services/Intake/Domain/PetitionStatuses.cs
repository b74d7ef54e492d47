namespace PetitionPlatform.Intake.Domain;

/// <summary>The registration record's <c>status</c>: what became of a submission at registration.</summary>
public static class PetitionStatuses
{
    /// <summary>Registered and handed to routing (a repeat petition too, with <c>repeatOf</c>).</summary>
    public const string Registered = "registered";

    /// <summary>The same matter of the same petitioner is still open: linked through <c>duplicateOf</c>, not routed.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>The matter is terminated (终结): registered, linked through <c>repeatOf</c>, and not accepted.</summary>
    public const string NotAcceptedTerminated = "not-accepted-terminated";
}
