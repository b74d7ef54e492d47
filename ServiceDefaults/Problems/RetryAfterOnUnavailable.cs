using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace PetitionPlatform.ServiceDefaults.Problems;

/// <summary>
/// Gives every 503 of a service or the gateway a <c>Retry-After</c> of <see cref="Problem.RetryAfterSeconds"/> unless
/// it already names one: a 503 here always means "the request was fine, something it needs is down for now", so an
/// agency's client learns when to send it again (with its Idempotency-Key) wherever the outage was met — the database,
/// the directory, a service behind the gateway — without each endpoint remembering the header.
/// </summary>
internal sealed class RetryAfterOnUnavailable : IStartupFilter
{
    private static readonly string Seconds = Problem.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, endpoint) =>
        {
            // At the start of the response, not now: the status is known only then, after the exception handler or a
            // proxied answer has set it.
            context.Response.OnStarting(static state =>
            {
                var response = (HttpResponse)state;
                if (response.StatusCode == StatusCodes.Status503ServiceUnavailable && !response.Headers.ContainsKey("Retry-After"))
                {
                    response.Headers.RetryAfter = Seconds;
                }

                return Task.CompletedTask;
            }, context.Response);
            return endpoint(context);
        });
        next(app);
    };
}
