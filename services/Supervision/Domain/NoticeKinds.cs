namespace PetitionPlatform.Supervision.Domain;

/// <summary>The kinds of supervision notice (API.md "Supervision"), as <c>SupervisionNoticeIssued.Kind</c> carries them.</summary>
public static class NoticeKinds
{
    /// <summary>A deadline is at most seven days away (提前七天工作法): warn before, not after.</summary>
    public const string Reminder = "reminder";

    /// <summary>The deadline has passed (督办单): to the unit, copied to its superior.</summary>
    public const string Overdue = "overdue";

    /// <summary>Still overdue after a grace: one level further up the chain per grace, up to the province's joint conference.</summary>
    public const string Escalation = "escalation";

    /// <summary>An early warning (风险预测预警): a collective petition or a spike of one topic in one county.</summary>
    public const string Alert = "alert";
}
