using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Hosting.ApplicationModel;
using PetitionPlatform.Hosting.Orchestration;

namespace PetitionPlatform.Hosting.Dashboard.Resources;

/// <summary>
/// <c>/api/resources</c>: every resource's state, and start/stop/restart of projects. A command answers once it is done
/// (stopped, or started and healthy again) with the resource's new state.
/// </summary>
internal static class ResourceEndpoints
{
    public static IServiceCollection AddResourceViews(this IServiceCollection services) =>
        services.AddSingleton<ResourceHealthMonitor>().AddHostedService(provider => provider.GetRequiredService<ResourceHealthMonitor>());

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var resources = endpoints.MapGroup("/api/resources");
        resources.MapGet("/", List);
        resources.MapGet("/{name}", Get);
        resources.MapPost("/{name}/start", (string name, DashboardContext context, ResourceHealthMonitor health, CancellationToken cancellationToken) =>
            ExecuteAsync(name, ResourceCommand.Start, context, health, cancellationToken));
        resources.MapPost("/{name}/stop", (string name, DashboardContext context, ResourceHealthMonitor health, CancellationToken cancellationToken) =>
            ExecuteAsync(name, ResourceCommand.Stop, context, health, cancellationToken));
        resources.MapPost("/{name}/restart", (string name, DashboardContext context, ResourceHealthMonitor health, CancellationToken cancellationToken) =>
            ExecuteAsync(name, ResourceCommand.Restart, context, health, cancellationToken));
        ConsoleLogEndpoints.Map(resources);
    }

    /// <summary>The resource named <paramref name="name"/> (any case), or null.</summary>
    public static IResource? Find(DashboardContext context, string name) =>
        context.Resources.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    public static ProblemHttpResult NotFound(string name) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such resource", detail: $"There is no resource named '{name}'.");

    private static Ok<ResourceSnapshot[]> List(DashboardContext context, ResourceHealthMonitor health) =>
        TypedResults.Ok(context.Resources.Select(r => Snapshot(r, context, health)).ToArray());

    private static Results<Ok<ResourceSnapshot>, ProblemHttpResult> Get(string name, DashboardContext context, ResourceHealthMonitor health) =>
        Find(context, name) is { } resource ? TypedResults.Ok(Snapshot(resource, context, health)) : NotFound(name);

    private static async Task<Results<Ok<ResourceSnapshot>, ProblemHttpResult>> ExecuteAsync(
        string name, ResourceCommand command, DashboardContext context, ResourceHealthMonitor health, CancellationToken cancellationToken)
    {
        if (Find(context, name) is not { } resource)
        {
            return NotFound(name);
        }

        string? refusal;
        try
        {
            refusal = await context.Orchestrator.ExecuteAsync(resource, command, cancellationToken);
        }
        catch (HostingException failure)
        {
            // The command was allowed but the project did not come up; the page shows the message and its console the cause.
            return TypedResults.Problem(
                statusCode: StatusCodes.Status500InternalServerError,
                title: $"'{resource.Name}' did not start",
                detail: failure.Message,
                extensions: new Dictionary<string, object?> { ["state"] = resource.State });
        }

        return refusal is null
            ? TypedResults.Ok(Snapshot(resource, context, health))
            : TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: $"Cannot {command.ToString().ToLowerInvariant()} '{resource.Name}' now",
                detail: refusal,
                extensions: new Dictionary<string, object?> { ["state"] = resource.State });
    }

    private static ResourceSnapshot Snapshot(IResource resource, DashboardContext context, ResourceHealthMonitor health) =>
        ResourceSnapshot.Of(resource, health.For(resource), context.Orchestrator.IsStopping);
}
