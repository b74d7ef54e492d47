using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using PetitionPlatform.ServiceDefaults.Problems;

namespace PetitionPlatform.Routing.Client;

/// <summary>
/// A request that needed the directory while routing could not be reached (an access check, a lookup) answers 503
/// with a problem, never a 500: nothing was decided on a reference nobody could confirm, and a retry may succeed.
/// </summary>
internal sealed class DirectoryUnavailableHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DirectoryUnavailableException)
        {
            return false;
        }

        await Problem.Unavailable("A service this request depends on cannot be reached.",
            "The directory (routing) did not answer; retry later.").ExecuteAsync(context);
        return true;
    }
}
