using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using PetitionPlatform.Hosting.ApplicationModel;

namespace PetitionPlatform.Hosting.Dashboard.Resources;

/// <summary>
/// A resource's console as Server-Sent Events: its recent lines, then each new one as it is written, until the client goes
/// away. Each line is a <c>message</c> event whose data is a <see cref="ConsoleLine"/>; lines a slow client missed are
/// announced by a <c>dropped</c> event (<c>{"count":N}</c>) in their place.
/// </summary>
internal sealed class LogStreamResult(ResourceLogs logs, int tail, int queueCapacity, JsonSerializerOptions json, TimeProvider time) : IResult
{
    // A comment line now and then lets the client (and any proxy) see an idle stream is still alive.
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var follower = new LogFollower(logs, tail, queueCapacity);
        try
        {
            await WriteLinesAsync(response, follower.Snapshot, cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
            while (true)
            {
                if (!await WaitAsync(follower, cancellationToken))
                {
                    await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                }
                else
                {
                    var (dropped, lines) = follower.Drain();
                    if (dropped > 0)
                    {
                        await response.WriteAsync($"event: dropped\ndata: {JsonSerializer.Serialize(new { count = dropped }, json)}\n\n", cancellationToken);
                    }

                    await WriteLinesAsync(response, lines, cancellationToken);
                }

                await response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away (or the dashboard stops): following ends with the request.
        }
    }

    /// <returns>True when there is something to send, false when the stream was idle for <see cref="KeepAlive"/>.</returns>
    private async Task<bool> WaitAsync(LogFollower follower, CancellationToken cancellationToken)
    {
        using var idle = new CancellationTokenSource(KeepAlive, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        try
        {
            return await follower.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task WriteLinesAsync(HttpResponse response, IReadOnlyList<LogLine> lines, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var events = new StringBuilder();
        foreach (var line in lines)
        {
            // JSON escapes line breaks, so one line of output is always one data line of the event.
            events.Append("data: ").Append(JsonSerializer.Serialize(ConsoleLine.Of(line), json)).Append("\n\n");
        }

        await response.WriteAsync(events.ToString(), cancellationToken);
    }
}
