using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.EndToEndTests.Lifecycle;

namespace PetitionPlatform.EndToEndTests.Replicas;

/// <summary>The stack as the benchmark runs it to show that a second instance does nothing twice: two of every service and of the gateway.</summary>
public sealed class ReplicatedPlatformFixture : PlatformFixture
{
    protected override IEnumerable<string> MoreArguments => ["--AppHost:Replicas=2"];

    // Twice the processes in Debug on two cores: 2.6 minutes alone on an idle machine, and past the single stack's five
    // minutes in one CI run, after the other collections' stacks.
    protected override TimeSpan StartupBudget => TimeSpan.FromMinutes(10);
}

/// <summary>A stack of its own, run alone after the other collections: two stacks at once would crowd two cores.</summary>
[CollectionDefinition("replicas", DisableParallelization = true)]
public sealed class ReplicasCollection : ICollectionFixture<ReplicatedPlatformFixture>;

/// <summary>
/// Issue 14's "more than one instance": with two instances of every service consuming the same queues, sharing each
/// service's outbox and held messages, and the gateway's address in front of two gateways, every petition still gets
/// one case, one acceptance stage in the ledger, one receipt and one notice to the unit.
/// </summary>
[Collection("replicas")]
public sealed class ReplicasTests(ReplicatedPlatformFixture platform)
{
    private const string Unit = "130724/hrss";
    private const int Count = 20;

    [Fact]
    public async Task Two_instances_of_every_service_carry_each_petition_through_the_chain_once()
    {
        var model = platform.App.Services.GetRequiredService<DistributedApplicationModel>();
        Assert.All(model.Resources.OfType<ProjectResource>(),
            service => Assert.Equal(2, service.Annotations.OfType<ReplicaAnnotation>().Single().Replicas));

        // Registered at once rather than one after the other, so that both instances of each service have work together.
        // Twenty at once on a stack just started can time out a directory check (503, nothing registered): sent again
        // with the same key, as an agency would, which also shows that a retry through either instance registers once.
        var accepted = await Task.WhenAll(Enumerable.Range(0, Count)
            .Select(_ => platform.Portal.RegisterRetryingAsync(Lifecycle.Petitions.GuyuanWageArrears())));

        using var unit = platform.As(Unit);
        var notices = await unit.NotificationsAsync(Unit, n => accepted.All(p => n.Templates(p.PetitionId).Contains("new-case")),
            because: "the unit hears of every case", seconds: 120);
        foreach (var petition in accepted)
        {
            Assert.Equal(1, (await platform.Gateway.CasesAsync(petition.PetitionId, count: 1)).GetArrayLength());
            var ledger = await Eventually.HoldsAsync(() => platform.Gateway.GetJsonAsync($"/api/supervision/petitions/{petition.PetitionId}"),
                l => l.GetProperty("stages").EnumerateArray().Any(s => s.GetProperty("stage").GetString() == "acceptance"),
                because: "the ledger follows the case");
            Assert.Equal(1, ledger.GetProperty("stages").EnumerateArray().Count(s => s.GetProperty("stage").GetString() == "acceptance"));
            var messages = await platform.Anonymous.PetitionerMessagesAsync(petition.TrackingCode,
                m => m.Templates(petition.PetitionId).Contains("receipt"), because: "the petitioner gets a receipt");
            Assert.Equal(1, messages.Templates(petition.PetitionId).Count(t => t == "receipt"));
            Assert.Equal(1, notices.Templates(petition.PetitionId).Count(t => t == "new-case"));
        }

        Assert.Equal(Count, accepted.Select(p => p.Number).Distinct().Count());
    }
}
