using System.Collections.Concurrent;

namespace PetitionPlatform.AppHost.Recovery;

/// <summary>
/// Which resources the operator asked to stop (the dashboard's Stop, or the same command through the API), so that
/// <see cref="RestartPolicy"/> leaves them stopped whatever their exit code: a process DCP stops may well end with one
/// other than 0, and Aspire's snapshots do not say who ended it. Aspire adds the Stop command itself; this wraps it.
/// </summary>
internal sealed class StopRequests
{
    private readonly ConcurrentDictionary<string, bool> _asked = new();

    /// <summary>Whether a stop was asked for this instance since its last end; forgets it once read.</summary>
    public bool Take(string resourceId) => _asked.TryRemove(resourceId, out _);

    /// <summary>
    /// Wraps the resource's Stop command (once) so that running it first notes the request. Called before each start,
    /// by when Aspire has added its lifecycle commands.
    /// </summary>
    public void Watch(IResource resource)
    {
        lock (_wrapped)
        {
            var stop = resource.Annotations.OfType<ResourceCommandAnnotation>().FirstOrDefault(c => c.Name == KnownResourceCommands.StopCommand);
            if (stop is null || _wrapped.Contains(stop))
            {
                return;
            }

            // Aspire's Stop, unchanged but for the note taken before it runs (the annotation type is sealed).
            var noting = new ResourceCommandAnnotation(
                stop.Name, stop.DisplayName, stop.UpdateState,
                context =>
                {
                    _asked[context.ResourceName] = true;
                    return stop.ExecuteCommand(context);
                },
                stop.DisplayDescription, stop.Arguments, stop.ConfirmationMessage, stop.IconName, stop.IconVariant, stop.IsHighlighted,
                stop.Visibility, stop.ValidateArguments);
            resource.Annotations[resource.Annotations.IndexOf(stop)] = noting;
            _wrapped.Add(noting);
        }
    }

    private readonly HashSet<ResourceCommandAnnotation> _wrapped = new(ReferenceEqualityComparer.Instance);
}
