using System.Globalization;
using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Templates;

namespace PetitionPlatform.Notification.Domain;

/// <summary>
/// Supervision's notices as documents to units: the recipient gets the notice, each copied unit the same text marked
/// as a copy. The words come from the notice's facts (clock, deadline, level, leader), not from supervision's reason
/// sentence, so every document of a kind reads alike.
/// </summary>
public static class NoticePlanner
{
    public static IReadOnlyList<PlannedMessage> ForNotice(SupervisionNoticeIssued e, PetitionFile file)
    {
        var template = e.Kind switch
        {
            "reminder" => TemplateNames.SupervisionReminder,
            "overdue" => TemplateNames.SupervisionOverdue,
            "escalation" => TemplateNames.SupervisionEscalation,
            "alert" => TemplateNames.SupervisionAlert,
            _ => throw new ArgumentException($"'{e.Kind}' is not a supervision notice kind.", nameof(e)),
        };
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["number"] = file.Number,
            ["clock"] = Clock(e.Stage),
            ["dueBy"] = e.DueBy is { } due ? Wording.Date(due) : "",
            ["level"] = e.Level.ToString(CultureInfo.InvariantCulture),
            ["warning"] = Warning(e.Stage),
            ["leader"] = e.Leader is null ? "" : $"包案领导：{e.Leader}。",
        };
        var planned = new List<PlannedMessage> { new(template, Recipient.Unit(e.OrgId), With(values, "")) };
        planned.AddRange(e.CopiedToOrgIds.Distinct().Where(org => org != e.OrgId)
            .Select(org => new PlannedMessage(template, Recipient.Unit(org), With(values, "（抄送件）"))));
        // Supervision sends no copies for a confidential matter; the guard makes sure of it here too.
        return MessagePlanner.Guard(file.Confidential, e.OrgId, planned);
    }

    private static Dictionary<string, string> With(Dictionary<string, string> values, string copyNote) =>
        new(values, StringComparer.Ordinal) { ["copyNote"] = copyNote };

    private static string Clock(string stage) => stage switch
    {
        "intake-decision" => "登记后转送、交办或告知（十五日）",
        "acceptance" => "受理决定（十五日）",
        "handling" => "办理（六十日）",
        "report-back" => "交办件办结报告",
        CaseStages.Review => "复查答复（三十日）",
        CaseStages.ReReview => "复核答复（三十日）",
        "routing-decision" => "争议事项确定办理单位",
        _ => stage,
    };

    private static string Warning(string stage) => stage switch
    {
        "collective-petition" => "集体访（五人以上）",
        "topic-spike" => "同一地区同类信访事项短时间内集中出现",
        _ => stage,
    };
}
