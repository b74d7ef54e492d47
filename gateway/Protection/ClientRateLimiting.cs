using System.Globalization;
using System.Threading.RateLimiting;

using PetitionPlatform.Gateway.Access;

namespace PetitionPlatform.Gateway.Protection;

internal static class ClientRateLimiting
{
    /// <summary>
    /// A token bucket per client (ACCESS.md rule 6: the client id of its token; petitioners, who have none, by address):
    /// a misbehaving integration slows itself down without starving the other agencies behind the same address. Health probes and metric scrapes are not limited, so monitoring keeps working during a flood.
    /// </summary>
    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services, GatewayOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/alive")
                || context.Request.Path.StartsWithSegments("/metrics")
                    ? RateLimitPartition.GetNoLimiter("probes")
                    : RateLimitPartition.GetTokenBucketLimiter(
                        GatewayAccess.CallerOf(context),
                        _ => new TokenBucketRateLimiterOptions
                        {
                            TokenLimit = options.Burst,
                            TokensPerPeriod = options.PermitsPerSecond,
                            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                            QueueLimit = 0,
                            AutoReplenishment = true,
                        }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "1";
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests from this client.",
                    detail: string.Create(CultureInfo.InvariantCulture,
                        $"The limit is {options.PermitsPerSecond} requests per second with bursts of {options.Burst}; retry after the Retry-After delay."))
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }
}
