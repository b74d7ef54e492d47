using System.Text.Json.Serialization;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Api;

/// <summary>
/// The petitioner's progress view (API.md "Progress"): where the matter stands and what is due when. No personal
/// data and no internal notes (units' decline reasons, routing rules) ever reach it.
/// </summary>
public sealed record TrackResponse(
    string? Number,
    string Status,
    string? CurrentOrgId,
    string? CurrentOrgName,
    IReadOnlyList<TrackStepResponse> Steps,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TrackAnswerResponse? Answer,
    bool CanRequestReview,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ReviewDueBy)
{
    public static TrackResponse From(PetitionProgress progress, DateTimeOffset now) => new(
        progress.Number,
        progress.Status,
        progress.CurrentOrgId,
        progress.CurrentOrgName,
        [.. progress.Steps.Select(TrackStepResponse.From)],
        progress.Answer is { } answer ? new TrackAnswerResponse(answer.Outcome, answer.Opinion, answer.At.InChina()) : null,
        progress.CanRequestReviewAt(now),
        // No window is shown where there is none left to use: after a re-review answer or a termination.
        progress.Terminated || progress.AnswerFinal ? null : progress.Answer?.ReviewDueBy.InChina());
}

/// <param name="LegalRoute">Only on a guided-to-legal-procedure step: the procedure to follow.</param>
public sealed record TrackStepResponse(
    string Step,
    string OrgId,
    DateTimeOffset At,
    DateTimeOffset? DueBy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LegalRoute)
{
    public static TrackStepResponse From(ProgressStep step) =>
        new(step.Step, step.OrgId, step.At.InChina(), step.DueBy.InChina(), step.LegalRoute);
}

public sealed record TrackAnswerResponse(string Outcome, string Opinion, DateTimeOffset At);
