using PetitionPlatform.Contracts;
using PetitionPlatform.Intake.Api;
using PetitionPlatform.Intake.Domain;
using PetitionPlatform.Routing.Client;

namespace PetitionPlatform.Intake.Directory;

/// <summary>
/// The checks of a registration that need the directory: the region exists, the receiving unit exists, the topic
/// is on the classification list. Run after the form checks, so only well-formed values are looked up.
/// </summary>
public sealed class DirectoryChecks(RoutingDirectory directory)
{
    public async Task<Dictionary<string, string[]>> ValidateAsync(RegisterPetitionRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var regionCode = request.RegionCode!;
        var regionTask = directory.FindRegionAsync(regionCode, ct);
        var receiverTask = directory.FindOrganizationAsync(request.ReceivedBy ?? RegistrationRules.DefaultReceiver(regionCode), ct);
        var topicTask = directory.FindTopicAsync(request.Topic!, ct);
        var subtopicTask = request.Subtopic is null ? Task.FromResult<DirectoryOrganization?>(null)
            : directory.FindOrganizationAsync(OrgId.Of(RegionCode.Parse(regionCode).County, request.Subtopic).ToString(), ct);

        if (await regionTask is null)
        {
            errors["regionCode"] = [$"Region '{regionCode}' is not in the directory."];
        }

        if (await receiverTask is null)
        {
            errors["receivedBy"] = request.ReceivedBy is null
                ? [$"The region has no petition bureau to receive the petition; name the receiving unit in 'receivedBy'."]
                : [$"Organisation '{request.ReceivedBy}' is not in the directory."];
        }

        if (await topicTask is null)
        {
            errors["topic"] = [$"Topic '{request.Topic}' is not on the classification list (GET /api/routing/topics)."];
        }

        if (request.Subtopic is not null && await subtopicTask is null && !errors.ContainsKey("regionCode"))
        {
            errors["subtopic"] = [$"The county of the region has no unit '{request.Subtopic}' to address the suggestion to."];
        }

        return errors;
    }
}
