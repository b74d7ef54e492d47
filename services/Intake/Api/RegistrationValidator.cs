using System.Text.RegularExpressions;
using PetitionPlatform.Contracts;
using PetitionPlatform.Intake.Domain;

namespace PetitionPlatform.Intake.Api;

/// <summary>
/// Field-level checks of a registration. Every problem is reported at once, keyed by the JSON path of the field,
/// so an integrating agency fixes its request in one round trip.
/// </summary>
public static partial class RegistrationValidator
{
    public static Dictionary<string, string[]> Validate(RegisterPetitionRequest request)
    {
        var errors = new Dictionary<string, List<string>>();
        void Fail(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        OneOf(request.Channel, "channel", PetitionChannels.All, Fail);
        OneOf(request.Kind, "kind", PetitionKinds.All, Fail);

        if (string.IsNullOrWhiteSpace(request.Topic))
        {
            Fail("topic", "The topic is required.");
        }
        else if (!KebabCase.IsWellFormed(request.Topic))
        {
            Fail("topic", "The topic must be a topic id of the classification list, such as 'wage-arrears'.");
        }

        if (request.Subtopic is not null && (request.Kind != PetitionKinds.Suggestion || !Units.IsWellFormed(request.Subtopic)))
        {
            Fail("subtopic", "A subtopic is given only for suggestions, as a unit kind such as 'housing'.");
        }

        Text(request.Subject, "subject", RegistrationRules.MaxSubjectLength, Fail);
        Text(request.Content, "content", RegistrationRules.MaxContentLength, Fail);

        if (string.IsNullOrWhiteSpace(request.RegionCode))
        {
            Fail("regionCode", "The region code of the place where the matter arose is required.");
        }
        else if (!RegionCode.IsWellFormed(request.RegionCode))
        {
            Fail("regionCode", "A region code has 6 (county and above), 9 (township) or 12 (village) digits.");
        }

        if (request.ReceivedBy is not null && !OrgId.IsWellFormed(request.ReceivedBy))
        {
            Fail("receivedBy", "An organisation id is '<regionCode>/<unit>', such as '130000/petition-bureau'.");
        }

        ValidatePetitioner(request, Fail);
        ValidateGroup(request, Fail);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void ValidatePetitioner(RegisterPetitionRequest request, Action<string, string> fail)
    {
        var petitioner = request.Petitioner;
        if (petitioner is null)
        {
            // Reports (检举控告) may be anonymous; complaints and suggestions need someone to answer.
            if (request.Kind != PetitionKinds.Report)
            {
                fail("petitioner", "The petitioner is required, except for reports, which may be anonymous.");
            }

            return;
        }

        Text(petitioner.Name, "petitioner.name", 100, fail);
        if (petitioner.IdNumber is not null && !CitizenIdNumber.IsValid(petitioner.IdNumber))
        {
            fail("petitioner.idNumber", "Not a valid 18-character citizen ID number (check digit does not match).");
        }

        if (petitioner.Phone is not null && !Phone().IsMatch(petitioner.Phone))
        {
            fail("petitioner.phone", "A phone number has 5 to 20 digits, optionally with '+', spaces or '-'.");
        }

        if (petitioner.Address is { Length: > 500 })
        {
            fail("petitioner.address", "The address has at most 500 characters.");
        }
    }

    private static void ValidateGroup(RegisterPetitionRequest request, Action<string, string> fail)
    {
        var headcount = request.Headcount ?? 1;
        if (headcount is < 1 or > 100_000)
        {
            fail("headcount", "The headcount is between 1 and 100,000.");
            return;
        }

        var representatives = request.Representatives ?? [];
        if (representatives.Count > RegistrationRules.MaxRepresentatives)
        {
            fail("representatives", $"A collective petition names at most {RegistrationRules.MaxRepresentatives} representatives.");
        }

        if (headcount >= RegistrationRules.CollectiveHeadcount && representatives.Count == 0)
        {
            fail("representatives", $"A collective petition ({RegistrationRules.CollectiveHeadcount} or more people) names its representatives.");
        }

        if (representatives.Count > headcount)
        {
            fail("representatives", "There cannot be more representatives than people.");
        }

        for (var i = 0; i < representatives.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(representatives[i]) || representatives[i]!.Length > 100)
            {
                fail($"representatives[{i}]", "Each representative is a name of 1 to 100 characters.");
            }
        }
    }

    private static void OneOf(string? value, string field, IReadOnlyList<string> allowed, Action<string, string> fail)
    {
        if (value is null || !allowed.Contains(value))
        {
            fail(field, $"Must be one of: {string.Join(", ", allowed)}.");
        }
    }

    private static void Text(string? value, string field, int maxLength, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fail(field, "Required.");
        }
        else if (value.Length > maxLength)
        {
            fail(field, $"At most {maxLength:N0} characters (got {value.Length:N0}).");
        }
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{3,24}$")]
    private static partial Regex Phone();
}
