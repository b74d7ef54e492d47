using Polly;

namespace PetitionPlatform.ServiceDefaults.Resilience;

/// <summary>
/// Which exceptions of a call to another service mean that it could not be reached, so that the caller answers 503 or
/// tries later instead of failing with a 500. Every HttpClient carries the standard resilience handler
/// (<see cref="Microsoft.Extensions.Hosting.Extensions"/>): besides the transport's own failures, its timeout and its open circuit reject a call
/// with Polly's exceptions, which are no <see cref="HttpRequestException"/>.
/// </summary>
public static class ServiceCallFailures
{
    /// <summary>
    /// True for a failed connection or exchange, a timeout (the caller tells its own cancellation apart) and a call the
    /// resilience pipeline rejected (its timeout, an open circuit).
    /// </summary>
    public static bool IsUnreachable(Exception exception) =>
        exception is HttpRequestException or TaskCanceledException or ExecutionRejectedException;
}
