using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Messaging;
using PetitionPlatform.Supervision.Directory;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Messaging;

/// <summary>
/// The chain of the county's petition bureau that an early warning goes to, read from routing's directory before the
/// early-warning consumer's transaction opens (<see cref="IConsumePreparation{TMessage}"/>).
/// </summary>
public sealed class EarlyWarningChain(OrgDirectoryClient directory) : IConsumePreparation<PetitionRegistered>
{
    /// <summary>The early-warning consumer's queue (also the consumer's name in the inbox).</summary>
    public static readonly string QueueName =
        new KebabCaseEndpointNameFormatter(ApplicationServices.MessagingName, includeNamespace: false).Consumer<EarlyWarningConsumer>();

    private OrgChain? _chain;

    public string Queue => QueueName;

    /// <summary>The bureau, then its superiors; read only by the consumer of the message it was prepared for.</summary>
    public OrgChain Chain => _chain ?? throw new InvalidOperationException("The early-warning chain is read before it was prepared.");

    public async Task PrepareAsync(PetitionRegistered message, CancellationToken cancellationToken) =>
        _chain = await directory.ChainAsync(BureauOf(message).ToString(), cancellationToken);

    /// <summary>The county's petition bureau hears of it, copied to its superior (major matters are reported up at once, art. 25).</summary>
    public static OrgId BureauOf(PetitionRegistered message) => OrgId.PetitionBureauOf(RegionCode.Parse(message.RegionCode).County);
}
