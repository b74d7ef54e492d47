using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PetitionPlatform.IntegrationTests.Gateway;

/// <summary>
/// A real HTTP server standing in for a service behind the gateway: it answers <c>/health</c> as told and echoes
/// what it received, so tests see exactly what the gateway forwarded.
/// </summary>
public sealed class StubService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubService(WebApplication app) => _app = app;

    /// <summary>What its <c>/health</c> says, as ASP.NET Core answers it: 503 only when Unhealthy, 200 when Degraded.</summary>
    public string Status { get; set; } = "Healthy";

    public string Address => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    public static async Task<StubService> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new StubService(app);
        app.MapGet("/health", () => Results.Json(new { status = stub.Status },
            statusCode: stub.Status == "Unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK));
        app.Map("/{**path}", (HttpRequest request) => Results.Json(new
        {
            service = name,
            path = request.Path.Value,
            traceparent = request.Headers["traceparent"].ToString(),
        }));
        await app.StartAsync();
        return stub;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
