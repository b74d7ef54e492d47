using PetitionPlatform.ServiceDefaults.Startup;
using Yarp.ReverseProxy.Configuration;

namespace PetitionPlatform.Gateway.Proxy;

/// <summary>
/// Resolves a destination written as <c>http://intake</c> to the address the host gave that service in
/// <c>services:intake:http:0</c> (Aspire's service discovery convention), so the route table stays plain
/// configuration and works unchanged under the AppHost, Aspire or Kubernetes.
/// </summary>
internal sealed class ServiceAddressFilter(IConfiguration configuration) : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        var destinations = cluster.Destinations?.ToDictionary(
            destination => destination.Key,
            destination => destination.Value with { Address = Resolve(destination.Value.Address) });
        return ValueTask.FromResult(cluster with { Destinations = destinations });
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route);

    private string Resolve(string address)
    {
        var uri = new Uri(address);
        if (uri.Host.Contains('.', StringComparison.Ordinal) || uri.IsLoopback)
        {
            return address;
        }

        var configured = configuration[$"services:{uri.Host}:{uri.Scheme}:0"];
        return configured ?? throw new StartupFailureException(
            $"No address for service '{uri.Host}': set services__{uri.Host}__{uri.Scheme}__0 " +
            "(the AppHost does this when the gateway references the service).");
    }
}
