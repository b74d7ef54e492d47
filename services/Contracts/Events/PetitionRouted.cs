namespace PetitionPlatform.Contracts;

/// <summary>
/// Routing decided where a petition goes (the first decision, or a later one after a decline or a reroute).
/// </summary>
/// <param name="OrgId">The bureau or superior that made the decision (the acting organisation).</param>
/// <param name="Mode">One of <see cref="RoutingModes"/>.</param>
/// <param name="ResponsibleOrgId">The unit that must now act: handle it, or (guide-to-legal) be told of it.</param>
/// <param name="ResponsibleOrgName">Its name, for messages and the petitioner's progress view.</param>
/// <param name="Path">Bureaus and units the matter went through, receiving unit first, responsible unit last.</param>
/// <param name="CoHandlerOrgIds">Units that handle it jointly with the responsible unit.</param>
/// <param name="Rule">Which classification entry and principle decided it, in words.</param>
/// <param name="Confidential">A report: only the responsible unit may see it.</param>
/// <param name="Attempt">0 for the first decision, then 1, 2, … after each decline or reroute.</param>
/// <param name="ReportBackDueBy">For <c>assign</c>: when the responsible unit must report back.</param>
/// <param name="LegalRoute">For <c>guide-to-legal</c>: the procedure the petitioner is directed to, in words.</param>
public sealed record PetitionRouted(
    Guid PetitionId,
    string OrgId,
    string Mode,
    string ResponsibleOrgId,
    string ResponsibleOrgName,
    IReadOnlyList<string> Path,
    IReadOnlyList<string> CoHandlerOrgIds,
    string Rule,
    bool Confidential,
    int Attempt,
    DateTimeOffset? ReportBackDueBy,
    string? LegalRoute,
    DateTimeOffset OccurredAt) : IPetitionEvent;
