using PetitionPlatform.Contracts;

namespace PetitionPlatform.Intake.Repeats;

/// <summary>Who submits and what about: the facts a new submission is compared by. Hashes are intake's keyed hashes.</summary>
public sealed record Submission(string Topic, string RegionCode, byte[]? IdNumberHash, byte[]? PhoneHash, string Text);

/// <summary>An earlier registered petition (never a duplicate or a refused one) of possibly the same petitioner.</summary>
public sealed record PriorPetition(
    Guid Id,
    string Number,
    string Topic,
    string RegionCode,
    byte[]? IdNumberHash,
    byte[]? PhoneHash,
    string Text,
    DateTimeOffset RegisteredAt,
    MatterStage Stage,
    string? AnsweredByOrgId,
    DateTimeOffset? AnsweredAt,
    string? TerminationReason);

/// <summary>What a new submission is, measured against the petitioner's earlier petitions.</summary>
public abstract record Linking
{
    /// <summary>A new matter (or nobody to compare with): registered and routed as usual.</summary>
    public sealed record Independent : Linking;

    /// <summary>The same matter is still open: linked, no second case.</summary>
    public sealed record DuplicateOf(PriorPetition Original) : Linking;

    /// <summary>The same matter was answered: a repeat petition, routed to the unit that answered.</summary>
    public sealed record RepeatOf(PriorPetition Original, string AnsweredByOrgId) : Linking;

    /// <summary>The same matter is terminated: registered, not accepted.</summary>
    public sealed record OfTerminated(PriorPetition Original, string Reason) : Linking;
}

/// <summary>
/// The rule that links a submission to an earlier one (DOMAIN.md §4.1). Same matter = same petitioner (the ID number's
/// keyed hash when both carry one, otherwise the phone's; a submission naming nobody never matches), same topic, same
/// county (first six digits of the region code) and text at least <c>threshold</c> alike (<see cref="SubmissionSimilarity"/>).
/// When several earlier petitions match, a terminated one wins (the matter is closed for good), then the newest open
/// one (the second submission joins the handling under way), then the most recently answered one (whose answer is
/// being contested).
/// </summary>
public static class MatterLinking
{
    public static Linking Decide(Submission submission, IEnumerable<PriorPetition> prior, double threshold)
    {
        if (submission.IdNumberHash is null && submission.PhoneHash is null)
        {
            return new Linking.Independent();
        }

        var same = prior.Where(p => SamePetitioner(submission, p) && SameMatter(submission, p, threshold)).ToList();

        var terminated = same.Where(p => p.Stage == MatterStage.Terminated).MaxBy(p => p.RegisteredAt);
        if (terminated is not null)
        {
            return new Linking.OfTerminated(terminated, terminated.TerminationReason ?? "terminated");
        }

        var open = same.Where(p => p.Stage == MatterStage.Open).MaxBy(p => p.RegisteredAt);
        if (open is not null)
        {
            return new Linking.DuplicateOf(open);
        }

        var answered = same.Where(p => p.Stage == MatterStage.Answered && p.AnsweredByOrgId is not null).MaxBy(p => p.AnsweredAt);
        return answered is null ? new Linking.Independent() : new Linking.RepeatOf(answered, answered.AnsweredByOrgId!);
    }

    /// <summary>
    /// The ID number decides when both submissions carry one (two people may share a family phone); the phone only
    /// when at least one of them gave no ID number.
    /// </summary>
    public static bool SamePetitioner(Submission submission, PriorPetition prior) =>
        submission.IdNumberHash is { } id && prior.IdNumberHash is { } priorId
            ? id.AsSpan().SequenceEqual(priorId)
            : submission.PhoneHash is { } phone && prior.PhoneHash is { } priorPhone && phone.AsSpan().SequenceEqual(priorPhone);

    public static bool SameMatter(Submission submission, PriorPetition prior, double threshold) =>
        string.Equals(submission.Topic, prior.Topic, StringComparison.Ordinal)
        && County(submission.RegionCode) == County(prior.RegionCode)
        && SubmissionSimilarity.Of(submission.Text, prior.Text) >= threshold;

    /// <summary>Subject and content, as one text: the subject is often the clearest statement of the matter.</summary>
    public static string TextOf(string subject, string content) => subject + "\n" + content;

    private static string County(string regionCode) => RegionCode.TryParse(regionCode, out var code) ? code.County.Value : regionCode;
}
