using PetitionPlatform.Gateway.Access;
using PetitionPlatform.Gateway.Documentation;
using PetitionPlatform.Gateway.Health;
using PetitionPlatform.Gateway.Protection;

namespace PetitionPlatform.Gateway;

internal static class GatewayServices
{
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Gateway");
        builder.Services.Configure<GatewayOptions>(section);
        var options = section.Get<GatewayOptions>() ?? new GatewayOptions();

        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(
            kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        builder.AddGatewayAccess();
        builder.Services.AddClientRateLimiting(options);

        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            // Destinations are written as http://intake; Aspire's service discovery resolves them (services__intake__http__0).
            .AddServiceDiscoveryDestinationResolver();
        builder.Services.AddSingleton<ServiceHealthProbe>();
        builder.AddServiceDocuments();
        return builder;
    }
}
