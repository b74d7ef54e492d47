using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace PetitionPlatform.ServiceDefaults.Problems;

/// <summary>
/// A request that fails because the service's database is out of reach — restarting, shutting down, the connection
/// cut — answers 503 (with <c>Retry-After</c>, as every 503), not the exception handler's 500: the request was fine
/// and the same one will succeed once the database is back, which is what 503 tells an agency's client (and the
/// gateway's callers). The kill test met the 500 while PostgreSQL restarted. Any other database error stays a 500:
/// that is a fault of ours.
/// </summary>
public sealed class DatabaseUnavailableProblem : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsOutage(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        await Problem.Unavailable("The service's database is not available.",
            $"Nothing was changed; try again in {Problem.RetryAfterSeconds} s.").ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>
    /// Whether the exception, or one it wraps (EF Core wraps Npgsql's), is Npgsql's word for a fault that passes:
    /// a broken or refused connection, a timeout, or the server's own "shutting down" / "starting up" (57P01–57P03).
    /// </summary>
    public static bool IsOutage(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
