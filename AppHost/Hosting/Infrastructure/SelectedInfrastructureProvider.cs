using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PetitionPlatform.Hosting.Testing;

namespace PetitionPlatform.Hosting.Infrastructure;

/// <summary>
/// The AppHost's default provider: asks <see cref="InfrastructureSelector"/> on the first start and delegates to its
/// choice. Choosing then (not when the app is built) lets a failed choice surface like any other start failure, as one
/// sentence, and prints the choice once, right before the servers it applies to start.
/// </summary>
internal sealed partial class SelectedInfrastructureProvider(IConfiguration configuration, ILoggerFactory loggerFactory) : IInfrastructureProvider
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<SelectedInfrastructureProvider>();

    // A developer's AppHost keeps data between runs, in containers too (named volumes tied to its data directory); an
    // AppHost run by the testing factory works in a directory the test deletes, so its containers keep nothing.
    private readonly bool _keepData = FactorySession.Current is null;
    private readonly Lock _gate = new();
    private Task<InfrastructureSelection>? _selection;

    public string Name => _selection is { IsCompletedSuccessfully: true } selection ? selection.Result.Provider.Name : "chosen at first start";

    public async Task<IPostgresServer> StartPostgresAsync(PostgresServerOptions options, CancellationToken cancellationToken) =>
        await (await SelectAsync(cancellationToken)).StartPostgresAsync(options, cancellationToken);

    public async Task<IRabbitMqServer> StartRabbitMqAsync(RabbitMqServerOptions options, CancellationToken cancellationToken) =>
        await (await SelectAsync(cancellationToken)).StartRabbitMqAsync(options, cancellationToken);

    private async Task<IInfrastructureProvider> SelectAsync(CancellationToken cancellationToken)
    {
        Task<InfrastructureSelection> selection;
        lock (_gate)
        {
            selection = _selection ??= SelectAndReportAsync();
        }

        return (await selection.WaitAsync(cancellationToken)).Provider;
    }

    private async Task<InfrastructureSelection> SelectAndReportAsync()
    {
        var selection = await InfrastructureSelector.SelectAsync(configuration, _keepData, loggerFactory, CancellationToken.None);
        Chosen(_logger, selection.Description);
        return selection;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Selection}")]
    private static partial void Chosen(ILogger logger, string selection);
}
