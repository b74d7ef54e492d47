namespace PetitionPlatform.Contracts;

/// <summary>What an audit entry records (ACCESS.md rule 5): every change, and every read of personal data in clear.</summary>
public static class AuditActions
{
    public const string PetitionRegistered = "petition.registered";
    public const string PersonalDataRead = "petition.personal-data-read";

    public const string PetitionRouted = "routing.decided";
    public const string PetitionRerouted = "routing.rerouted";
    public const string PetitionTerminated = "routing.terminated";

    /// <summary>An operator loaded a year's holiday notice; the subject is the year.</summary>
    public const string HolidayNoticeLoaded = "routing.holiday-notice-loaded";

    public const string CaseAccepted = "case.accepted";
    public const string CaseDeclined = "case.declined";
    public const string CoHandlersAdded = "case.co-handlers-added";
    public const string FindingsAdded = "case.findings-added";
    public const string CaseExtended = "case.extended";
    public const string HearingRecorded = "case.hearing-recorded";
    public const string CaseAnswered = "case.answered";
    public const string CaseEvaluated = "case.evaluated";
    public const string ReviewRequested = "case.review-requested";

    public const string LeaderTookOver = "supervision.leader-took-over";

    public const string ClientCreated = "identity.client-created";
    public const string ClientSecretReset = "identity.client-secret-reset";
    public const string ClientDeleted = "identity.client-deleted";
    public const string SigningKeyRotated = "identity.signing-key-rotated";
}

/// <summary>Who acted when no client did.</summary>
public static class AuditActors
{
    /// <summary>The platform itself, e.g. routing deciding by its rules when a petition is registered.</summary>
    public const string Platform = "platform";

    /// <summary>A petitioner with the query code (evaluation, review request); the code itself is never recorded.</summary>
    public const string Petitioner = "petitioner";
}
