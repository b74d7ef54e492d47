using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PetitionPlatform.Data;

/// <summary>
/// Something that follows every save and commit of the service's database through EF Core interceptors (the outbox's
/// wake-up, the telemetry of committed events). Registered as a singleton; the database picks up every one.
/// </summary>
public interface ISaveObserver
{
    IEnumerable<IInterceptor> Interceptors { get; }
}
