using System.Globalization;
using PetitionPlatform.Audit.Domain;
using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Audit.Api;

/// <summary>
/// The auditors' filters on the trail, read from the query string: by petition, by client, by time (when it happened),
/// page by page in the trail's order (<c>after</c> is the last sequence of the previous page).
/// </summary>
public sealed record AuditQuery(Guid? PetitionId, string? ClientId, DateTimeOffset? From, DateTimeOffset? To, long After, int Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static (AuditQuery? Query, Dictionary<string, string[]> Errors) Parse(
        string? petitionId, string? clientId, string? from, string? to, string? after, string? limit)
    {
        var errors = new Dictionary<string, string[]>();
        Guid? petition = null;
        if (petitionId is not null)
        {
            if (Guid.TryParse(petitionId, out var id))
            {
                petition = id;
            }
            else
            {
                errors["petitionId"] = ["A petition id is a UUID."];
            }
        }

        var fromInstant = Instant(from, "from", errors);
        var toInstant = Instant(to, "to", errors);
        if (fromInstant > toInstant)
        {
            errors["to"] = ["'to' is not before 'from'."];
        }

        long afterSequence = 0;
        if (after is not null && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out afterSequence)))
        {
            errors["after"] = ["'after' is the last sequence number of the previous page, a whole number of 0 or more."];
        }

        var pageSize = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"'limit' is a whole number from 1 to {MaxLimit}."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new AuditQuery(petition, string.IsNullOrEmpty(clientId) ? null : clientId, fromInstant, toInstant, afterSequence, pageSize), errors);
    }

    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        if (PetitionId is { } petition)
        {
            entries = entries.Where(e => e.PetitionId == petition);
        }

        if (ClientId is { } client)
        {
            entries = entries.Where(e => e.ClientId == client);
        }

        if (From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt < to);
        }

        return entries.Where(e => e.Sequence > After).OrderBy(e => e.Sequence).Take(Limit);
    }

    private static DateTimeOffset? Instant(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && value.Contains('T')
            && AcceptedDates.Holds(instant))
        {
            return instant.ToUniversalTime();
        }

        errors[field] = [$"'{field}' is an ISO 8601 instant with its offset, e.g. 2026-12-01T00:00:00+08:00. {AcceptedDates.Range}"];
        return null;
    }
}
