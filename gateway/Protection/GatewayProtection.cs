using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace PetitionPlatform.Gateway.Protection;

internal static class GatewayProtection
{
    public static WebApplication UseGatewayProtection(this WebApplication app)
    {
        // First, so that every response, rejected ones included, names its trace for operations.
        app.Use((context, next) =>
        {
            var traceId = Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["X-Trace-Id"] = traceId;
                return Task.CompletedTask;
            });
            return next(context);
        });

        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // Kestrel enforces the limit while reading; refusing a declared oversize body up front gives a clear 413.
        var limit = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBodyBytes;
        app.Use((context, next) =>
        {
            return context.Request.ContentLength > limit
                ? TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: $"The request body exceeds {limit:N0} bytes.").ExecuteAsync(context)
                : next(context);
        });

        // The caller is known before the rate limit, which counts per client; whether it may pass is decided per route.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
