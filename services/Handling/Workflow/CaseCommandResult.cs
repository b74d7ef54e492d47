using PetitionPlatform.Handling.Domain;

namespace PetitionPlatform.Handling.Workflow;

/// <summary>What became of a request to change a case; the API maps each to one HTTP answer.</summary>
public abstract record CaseCommandResult
{
    public sealed record Done(Case Case) : CaseCommandResult;

    public sealed record NotFound : CaseCommandResult;

    /// <summary>The case's status or the law does not allow the action now (409).</summary>
    public sealed record Refused(string Reason) : CaseCommandResult;

    /// <summary>The request names something that cannot be, given the case (400, keyed by field).</summary>
    public sealed record Invalid(Dictionary<string, string[]> Errors) : CaseCommandResult;

    /// <summary>The petitioner could not prove themselves; says nothing more about the case (403).</summary>
    public sealed record Forbidden : CaseCommandResult;

    /// <summary>The unit named in the request takes no part in the case (403, naming the unit).</summary>
    public sealed record NotParticipant(string OrgId) : CaseCommandResult;

    /// <summary>The unit named in the request is not the case's own unit, which alone may do this (403, naming the unit).</summary>
    public sealed record NotCaseUnit(string OrgId) : CaseCommandResult;

    /// <summary>Another service the action depends on could not be asked; nothing was changed (503).</summary>
    public sealed record Unavailable(string Reason) : CaseCommandResult;
}
