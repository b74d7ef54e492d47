using System.Diagnostics;
using OpenTelemetry;

namespace PetitionPlatform.ServiceDefaults.Telemetry;

/// <summary>
/// MassTransit opens a <c>receive</c> span and, inside it, a <c>process</c> span per consumer; the inbox filter runs
/// between the two and tags the receive span. The process span takes the petition and unit from it, so either span
/// found by <c>petition.id</c> leads to the whole consumption.
/// </summary>
internal sealed class ConsumerSpanInheritance : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        if (data.Kind != ActivityKind.Consumer || data.Parent is not { Kind: ActivityKind.Consumer } parent)
        {
            return;
        }

        PetitionAttributes.Tag(
            data,
            parent.GetTagItem(PetitionAttributes.PetitionId) is string id && Guid.TryParse(id, out var petitionId) ? petitionId : null,
            parent.GetTagItem(PetitionAttributes.OrgId) as string);
    }
}
