using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using PetitionPlatform.Contracts;

namespace PetitionPlatform.ServiceDefaults.Telemetry;

/// <summary>
/// The two attributes by which operations find the spans of one petition: <c>petition.id</c> and <c>org.id</c> (the
/// unit acting or addressed). Both are identifiers the platform already shares between services, never personal data.
/// </summary>
public static class PetitionAttributes
{
    public const string PetitionId = "petition.id";
    public const string OrgId = "org.id";

    // Events name their unit under one of these properties; the first present wins (acting unit before recipient).
    private static readonly string[] s_orgProperties = ["OrgId", "ReceivedBy", "RecipientOrgId"];
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> s_orgProperty = new();

    /// <summary>Tags <paramref name="activity"/> with the petition and unit an event is about; attributes already set stay.</summary>
    public static void TagFrom(Activity? activity, object message)
    {
        switch (message)
        {
            case IPetitionEvent petitionEvent:
                Tag(activity, petitionEvent.PetitionId, OrgOf(message));
                break;
            // An audit entry about a petition is part of that petition's story; one about a client or a key is not.
            case AuditRecorded { PetitionId: { } petitionId } entry:
                Tag(activity, petitionId, entry.OrgId);
                break;
        }
    }

    public static void Tag(Activity? activity, Guid? petitionId, string? orgId)
    {
        if (activity is null)
        {
            return;
        }

        if (petitionId is { } id && activity.GetTagItem(PetitionId) is null)
        {
            activity.SetTag(PetitionId, id.ToString());
        }

        if (!string.IsNullOrEmpty(orgId) && activity.GetTagItem(OrgId) is null)
        {
            activity.SetTag(OrgId, orgId);
        }
    }

    /// <summary>The unit an event names, or null when its contract has none.</summary>
    public static string? OrgOf(object message) =>
        s_orgProperty.GetOrAdd(message.GetType(), FindOrgProperty)?.GetValue(message) as string;

    private static PropertyInfo? FindOrgProperty(Type type) => s_orgProperties
        .Select(name => type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance))
        .FirstOrDefault(property => property?.PropertyType == typeof(string));
}
