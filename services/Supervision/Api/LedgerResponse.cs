using System.Text.Json.Serialization;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Api;

/// <summary>
/// A petition's ledger for supervisors (API.md "Supervision"), extended with the routing mode, the responsible unit,
/// the confidentiality flag, the status and the leader who took the matter on (包案). Ids and dates only: nothing of the matter's content.
/// </summary>
public sealed record LedgerResponse(
    string PetitionId,
    string? Number,
    string Status,
    string? Mode,
    string? ResponsibleOrgId,
    bool Confidential,
    IReadOnlyList<LedgerStageResponse> Stages,
    IReadOnlyList<NoticeResponse> Notices,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LeaderResponse? Leader)
{
    /// <summary>The answered petition this one repeats (a repeat petition, 重复信访).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RepeatOf { get; init; }

    /// <summary>The open petition this submission duplicates; set only on a duplicate's own ledger.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DuplicateOf { get; init; }

    /// <summary>How many repeat petitions brought this matter back after it was answered.</summary>
    public int RepeatCount { get; init; }

    public IReadOnlyList<LinkedPetitionResponse> Repeats { get; init; } = [];

    public IReadOnlyList<LinkedPetitionResponse> Duplicates { get; init; } = [];

    public static LedgerResponse From(
        PetitionProgress progress, IReadOnlyList<SupervisionNotice> notices, PetitionLeader? leader, DateTimeOffset now) => new(
        progress.PetitionId.ToString(),
        progress.Number,
        progress.Status,
        progress.Mode,
        progress.ResponsibleOrgId,
        progress.Confidential,
        [.. progress.Stages.Select(stage => LedgerStageResponse.From(stage, now))],
        [.. notices.Select(NoticeResponse.From)],
        leader is null ? null : LeaderResponse.From(leader));
}

/// <param name="CaseId">The case the clock belongs to; absent for the petition's intake-decision clock.</param>
public sealed record LedgerStageResponse(
    string Stage,
    string OrgId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CaseId,
    DateTimeOffset StartedAt,
    DateTimeOffset DueBy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? DoneAt,
    bool Overdue,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<LedgerHearingResponse>? Hearings = null)
{
    /// <summary>
    /// <c>true</c> when <see cref="DueBy"/> was counted on a year whose State Council holiday notice is not loaded, so
    /// the notice may still move it; absent otherwise (an extension of API.md's stage).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Provisional { get; init; }

    /// <summary>
    /// The holiday notices loaded at run time that moved <see cref="DueBy"/>, oldest first; absent when none did (an
    /// extension of API.md's stage).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<LedgerDueDateMoveResponse>? Moves { get; init; }

    public static LedgerStageResponse From(StageClock stage, DateTimeOffset now) => new(
        stage.Stage, stage.OrgId, stage.CaseId?.ToString(), stage.StartedAt.InChina(), stage.DueBy.InChina(),
        stage.DoneAt.InChina(), stage.IsOverdueAt(now),
        stage.Hearings.Count == 0 ? null : [.. stage.Hearings.Select(h => new LedgerHearingResponse(h.StartedOn, h.EndedOn, h.EndedOn.DayNumber - h.StartedOn.DayNumber + 1))])
    {
        Provisional = stage.Provisional,
        Moves = stage.Moves.Count == 0 ? null
            : [.. stage.Moves.Select(m => new LedgerDueDateMoveResponse(m.PreviousDueBy.InChina(), m.DueBy.InChina(), m.NoticeYear, m.NoticeReference, m.At.InChina()))],
    };
}

/// <summary>A due date moved by a year's holiday notice (<c>noticeReference</c>, its document number) loaded at <c>at</c>.</summary>
public sealed record LedgerDueDateMoveResponse(DateTimeOffset PreviousDueBy, DateTimeOffset DueBy, int NoticeYear, string NoticeReference, DateTimeOffset At);

/// <summary>A hearing (听证) of a review or re-review: its days are left out of the stage's due date.</summary>
public sealed record LedgerHearingResponse(DateOnly StartedOn, DateOnly EndedOn, int Days);
