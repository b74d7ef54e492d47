using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace PetitionPlatform.Hosting.Dashboard.Resources;

/// <summary>
/// <c>/api/resources/{name}/logs</c>: the recent console lines of a resource (<c>?tail=N</c>), and <c>/logs/stream</c>,
/// the same followed live as Server-Sent Events.
/// </summary>
internal static class ConsoleLogEndpoints
{
    public static void Map(RouteGroupBuilder resources)
    {
        resources.MapGet("/{name}/logs", Recent);
        resources.MapGet("/{name}/logs/stream", Stream);
    }

    private static Results<Ok<ConsoleLog>, ProblemHttpResult, ValidationProblem> Recent(string name, [FromQuery] string? tail, DashboardContext context)
    {
        if (ResourceEndpoints.Find(context, name) is not { } resource)
        {
            return ResourceEndpoints.NotFound(name);
        }

        if (ParseTail(tail, resource.Logs.Capacity) is not { } count)
        {
            return TailProblem(resource.Logs.Capacity);
        }

        return TypedResults.Ok(new ConsoleLog(resource.Name, resource.Logs.Capacity, [.. resource.Logs.Tail(count).Select(ConsoleLine.Of)]));
    }

    private static Results<LogStreamResult, ProblemHttpResult, ValidationProblem> Stream(
        string name, [FromQuery] string? tail, DashboardContext context, IOptions<JsonOptions> json)
    {
        if (ResourceEndpoints.Find(context, name) is not { } resource)
        {
            return ResourceEndpoints.NotFound(name);
        }

        if (ParseTail(tail, resource.Logs.Capacity) is not { } count)
        {
            return TailProblem(resource.Logs.Capacity);
        }

        return new LogStreamResult(resource.Logs, count, context.ResourceLimits.ConsoleStreamQueue, json.Value.SerializerOptions, context.Time);
    }

    /// <summary>The number of lines asked for: all kept lines when absent, null when not a number from 1 to the capacity.</summary>
    internal static int? ParseTail(string? tail, int capacity) =>
        tail is null ? capacity
        : int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 && count <= capacity ? count
        : null;

    private static ValidationProblem TailProblem(int capacity) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["tail"] = [$"tail must be a whole number of lines from 1 to {capacity}, the most this resource keeps."] },
            title: "The query is not valid");
}
