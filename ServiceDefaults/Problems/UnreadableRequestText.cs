using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace PetitionPlatform.ServiceDefaults.Problems;

/// <summary>
/// Refuses a request whose path or query string holds text no endpoint takes (<see cref="UnreadableText"/>, e.g. a
/// <c>%00</c> segment) with a 400 problem naming where, before any endpoint runs: every service and the gateway get it
/// from ServiceDefaults, so a new endpoint is covered without thinking of it.
/// </summary>
internal sealed class UnreadableRequestText : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, endpoint) =>
        {
            if (FirstUnreadable(context.Request) is { } field)
            {
                await Problem.Invalid(field, UnreadableText.Message).ExecuteAsync(context);
                return;
            }

            await endpoint(context);
        });
        next(app);
    };

    private static string? FirstUnreadable(HttpRequest request)
    {
        if (UnreadableText.HasControlCharacters(request.Path.Value) || UnreadableText.HasControlCharacters(request.PathBase.Value))
        {
            return "path";
        }

        foreach (var (name, values) in request.Query)
        {
            if (UnreadableText.HasControlCharacters(name) || values.Any(v => UnreadableText.HasControlCharacters(v)))
            {
                return UnreadableText.HasControlCharacters(name) ? "query" : name;
            }
        }

        return null;
    }
}
