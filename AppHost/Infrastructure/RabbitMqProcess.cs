namespace PetitionPlatform.AppHost.Infrastructure;

internal static class RabbitMqProcess
{
    /// <summary>
    /// Runs the Erlang VM as the resource's own process instead of under <c>rabbitmq-server</c>'s signal-forwarding
    /// shell, which waits for the VM with <c>wait … || true</c> and so ended with exit code 0 even when the broker was
    /// SIGKILLed: to the app host a killed broker looked like one stopped on purpose, and the restart policy left it
    /// down. The script takes that path when <c>RABBITMQ_ALLOW_INPUT</c> is set; <c>-noinput</c> keeps the Erlang shell
    /// off, as the other path does. The VM handles SIGTERM itself (a graceful stop, exit code 0).
    /// </summary>
    public static IResourceBuilder<T> WithHonestExitCode<T>(this IResourceBuilder<T> broker) where T : IResourceWithEnvironment =>
        broker.WithEnvironment("RABBITMQ_ALLOW_INPUT", "true").WithEnvironment("RABBITMQ_SERVER_START_ARGS", "-noinput");
}
