using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Notification.Domain;

/// <summary>
/// The words that fill template placeholders: dates as a citizen reads them, vocabulary values in Chinese, and the
/// optional sentences whose presence depends on the event.
/// </summary>
public static class Wording
{
    /// <summary>
    /// What the petitioner is told instead of the unit's name when the matter is confidential: a text message or letter
    /// can be seen by others, and a report must not reveal that discipline inspection is looking at someone.
    /// </summary>
    public const string CompetentAuthority = "有关主管机关";

    /// <summary>A due date as a day in China: statutory periods end at the end of a day, so the time adds nothing.</summary>
    public static string Date(DateTimeOffset instant)
    {
        var day = StatutoryCalendar.DayOf(instant);
        return $"{day.Year}年{day.Month}月{day.Day}日";
    }

    public static string Outcome(string outcome) => outcome switch
    {
        Outcomes.Support => "支持",
        Outcomes.Explain => "解释说明",
        Outcomes.NotSupport => "不予支持",
        _ => throw new ArgumentException($"'{outcome}' is not an outcome of the Contracts vocabulary.", nameof(outcome)),
    };

    public static string Stage(string stage) => stage switch
    {
        CaseStages.Original => "初次办理",
        CaseStages.Review => "复查",
        CaseStages.ReReview => "复核",
        _ => throw new ArgumentException($"'{stage}' is not a case stage of the Contracts vocabulary.", nameof(stage)),
    };

    /// <summary>The deadline a unit owes, as a moved clock's notice names it.</summary>
    public static string Clock(string clock, string stage) => clock switch
    {
        DueDateClocks.Acceptance => "受理决定",
        DueDateClocks.Answer => $"{Stage(stage)}答复",
        DueDateClocks.ReportBack => "办结报告报送",
        _ => throw new ArgumentException($"'{clock}' is not a clock a unit owes.", nameof(clock)),
    };

    /// <summary>After an original answer the petitioner may ask for review (复查); after a review answer, for re-review (复核).</summary>
    public static string NextReview(string answeredStage) => answeredStage == CaseStages.Review ? "复核" : "复查";

    public static string ReviewBody(string unitName) => $"{unitName}的上一级机关";

    public static string ReportBack(DateTimeOffset? reportBackDueBy) =>
        reportBackDueBy is { } due ? $"本件为交办件，请于{Date(due)}前报送办结报告。" : "";

    public static string Suggestion(string? suggestedUnitName) =>
        suggestedUnitName is null ? "。" : $"；建议由{suggestedUnitName}办理。";

    /// <summary>Routing names the procedure; where it did not, the petitioner still learns which kinds of procedure are meant.</summary>
    public static string LegalRoute(string? legalRoute) =>
        string.IsNullOrWhiteSpace(legalRoute) ? "诉讼、仲裁、行政复议等法定途径" : legalRoute;

    /// <summary>How the matter came to be concluded, in the petitioner's terms.</summary>
    public static string Termination(string reason, string organName, string? recordNumber) => reason switch
    {
        TerminationReasons.ReReviewAnswered => "复核意见已出具，复核意见为最终意见",
        TerminationReasons.PoliticalLegal => $"经{organName}依法终结（文书编号{OrNone(recordNumber)}）",
        _ => throw new ArgumentException($"'{reason}' is not a termination reason of the Contracts vocabulary.", nameof(reason)),
    };

    public static string OrNone(string? text) => string.IsNullOrWhiteSpace(text) ? "无" : text;

    /// <summary>The query code as it is kept after delivery: enough to recognise it, not enough to use it.</summary>
    public static string MaskedTrackingCode(string code) =>
        code.Length <= 4 ? new string('*', code.Length) : new string([.. code[..^4].Select(c => c == '-' ? '-' : '*')]) + code[^4..];
}
