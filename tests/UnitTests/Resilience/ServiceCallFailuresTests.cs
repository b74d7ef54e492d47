using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using PetitionPlatform.ServiceDefaults.Resilience;

namespace PetitionPlatform.UnitTests.Resilience;

public sealed class ServiceCallFailuresTests
{
    [Fact]
    public void A_call_the_resilience_handler_rejected_counts_as_unreachable_as_a_transport_failure_does()
    {
        // An open circuit was a 500 at registration under load: it is no HttpRequestException.
        Assert.True(ServiceCallFailures.IsUnreachable(new BrokenCircuitException()));
        Assert.True(ServiceCallFailures.IsUnreachable(new TimeoutRejectedException()));
        Assert.True(ServiceCallFailures.IsUnreachable(new HttpRequestException("connection refused")));
        Assert.True(ServiceCallFailures.IsUnreachable(new TaskCanceledException()));
    }

    [Fact]
    public void Other_faults_are_not_taken_for_an_unreachable_service()
    {
        Assert.False(ServiceCallFailures.IsUnreachable(new InvalidOperationException()));
        Assert.False(ServiceCallFailures.IsUnreachable(new JsonException()));
    }
}
