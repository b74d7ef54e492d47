using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Handling.Domain;

namespace PetitionPlatform.Handling.Api;

/// <summary>
/// Field checks of the case actions, every problem at once and keyed by the JSON name of the field. What depends on the
/// case's state is not checked here: that is <see cref="CaseStateMachine"/>'s, and a 409.
/// </summary>
public static class CaseRequestValidator
{
    public const int MaxOpinionLength = 20_000;
    public const int MaxTextLength = 2_000;
    public const int MaxNameLength = 200;

    public static Dictionary<string, string[]> Validate(AcceptRequest request)
    {
        var errors = new Errors();
        errors.Text(request.By, "by", MaxNameLength);
        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(DeclineRequest request)
    {
        var errors = new Errors();
        errors.Text(request.Reason, "reason", MaxTextLength);
        errors.OptionalText(request.LegalBasis, "legalBasis", MaxTextLength);
        if (request.SuggestedOrgId is not null && !OrgId.IsWellFormed(request.SuggestedOrgId))
        {
            errors.Add("suggestedOrgId", OrgIdFormat);
        }

        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(CoHandlersRequest request)
    {
        var errors = new Errors();
        if (request.OrgIds is not { Count: > 0 } orgIds)
        {
            errors.Add("orgIds", "Name at least one co-handling unit.");
            return errors.ToDictionary();
        }

        for (var i = 0; i < orgIds.Count; i++)
        {
            if (!OrgId.IsWellFormed(orgIds[i]))
            {
                errors.Add($"orgIds[{i}]", OrgIdFormat);
            }
        }

        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(ExtensionRequest request)
    {
        var errors = new Errors();
        if (request.Days is not { } days)
        {
            errors.Add("days", "Required.");
        }
        else if (days is < 1 or > StatutoryPeriods.MaxExtensionDays)
        {
            errors.Add("days", $"An extension is 1 to {StatutoryPeriods.MaxExtensionDays} days (Regulation art. 34).");
        }

        errors.Text(request.Reason, "reason", MaxTextLength);
        errors.Text(request.ApprovedBy, "approvedBy", MaxNameLength);
        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(AnswerRequest request)
    {
        var errors = new Errors();
        errors.OneOf(request.Outcome, "outcome", Outcomes.All);
        errors.Text(request.Opinion, "opinion", MaxOpinionLength);
        errors.Text(request.LegalBasis, "legalBasis", MaxTextLength);
        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(EvaluationRequest request)
    {
        var errors = new Errors();
        // Only presence and a sane length: whether the code is right is answered by the 403, never by a field error.
        errors.Text(request.TrackingCode, "trackingCode", 64);
        errors.OneOf(request.Rating, "rating", Ratings.All);
        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(ReviewRequest request)
    {
        var errors = new Errors();
        // As for evaluation: whether the code is right is answered by the 403, never by a field error.
        errors.Text(request.TrackingCode, "trackingCode", 64);
        errors.Text(request.Reason, "reason", MaxTextLength);
        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(FindingsRequest request)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(request.OrgId))
        {
            errors.Add("orgId", "Required: the unit whose findings these are.");
        }
        else if (!OrgId.IsWellFormed(request.OrgId))
        {
            errors.Add("orgId", OrgIdFormat);
        }

        errors.Text(request.Findings, "findings", MaxOpinionLength);
        return errors.ToDictionary();
    }

    /// <summary>
    /// The checks a hearing needs without the case: a well-formed unit, two dates, the end not before the start. The
    /// checks against the case's opening day and today are the workflow's, keyed by the same fields.
    /// </summary>
    public static Dictionary<string, string[]> Validate(HearingRequest request, out DateOnly startedOn, out DateOnly endedOn)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(request.OrgId))
        {
            errors.Add("orgId", "Required: the reviewing unit that held the hearing.");
        }
        else if (!OrgId.IsWellFormed(request.OrgId))
        {
            errors.Add("orgId", OrgIdFormat);
        }

        var hasStart = errors.Date(request.StartedOn, "startedOn", out startedOn);
        var hasEnd = errors.Date(request.EndedOn, "endedOn", out endedOn);
        if (hasStart && hasEnd && endedOn < startedOn)
        {
            errors.Add("endedOn", $"The hearing cannot end ({endedOn:yyyy-MM-dd}) before it started ({startedOn:yyyy-MM-dd}).");
        }

        return errors.ToDictionary();
    }

    private const string OrgIdFormat = "An organisation id is '<regionCode>/<unit>', such as '130724/hrss'.";

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = [];

        public void Add(string field, string message)
        {
            if (!_errors.TryGetValue(field, out var list))
            {
                _errors[field] = list = [];
            }

            list.Add(message);
        }

        public void Text(string? value, string field, int maxLength)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(field, "Required.");
            }
            else
            {
                OptionalText(value, field, maxLength);
            }
        }

        public void OptionalText(string? value, string field, int maxLength)
        {
            if (value is { Length: var length } && length > maxLength)
            {
                Add(field, $"At most {maxLength:N0} characters (got {length:N0}).");
            }
        }

        public bool Date(string? value, string field, out DateOnly date)
        {
            date = default;
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(field, "Required: a day in China, as yyyy-MM-dd.");
                return false;
            }

            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out date))
            {
                Add(field, $"'{value}' is not a day written as yyyy-MM-dd.");
                return false;
            }

            if (!AcceptedDates.Holds(date))
            {
                Add(field, AcceptedDates.Range);
                return false;
            }

            return true;
        }

        public void OneOf(string? value, string field, IReadOnlyList<string> allowed)
        {
            if (value is null || !allowed.Contains(value))
            {
                Add(field, $"Must be one of: {string.Join(", ", allowed)}.");
            }
        }

        public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}
