using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PetitionPlatform.Hosting.ApplicationModel;
using PetitionPlatform.Hosting.Console;
using PetitionPlatform.Hosting.Infrastructure;

namespace PetitionPlatform.Hosting;

internal sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly List<IResource> _resources = [];
    private IInfrastructureProvider? _infrastructureProvider;

    private readonly ResourceConsole _console;

    public DistributedApplicationBuilder(IConfiguration configuration, ILoggerFactory loggerFactory, string appHostDirectory, ResourceConsole console)
    {
        Configuration = configuration;
        LoggerFactory = loggerFactory;
        AppHostDirectory = appHostDirectory;
        _console = console;
    }

    public IConfiguration Configuration { get; }

    public ILoggerFactory LoggerFactory { get; }

    public string AppHostDirectory { get; }

    public IInfrastructureProvider InfrastructureProvider
    {
        // Containers when a Docker engine answers, else local processes; PETITION_INFRASTRUCTURE forces either.
        get => _infrastructureProvider ??= new SelectedInfrastructureProvider(Configuration, LoggerFactory);
        set => _infrastructureProvider = value ?? throw new ArgumentNullException(nameof(value));
    }

    public IReadOnlyList<IResource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"A resource named '{resource.Name}' already exists.", nameof(resource));
        }

        _resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    public DistributedApplication Build() =>
        new([.. _resources], Configuration, LoggerFactory, InfrastructureProvider, AppHostSettings.From(Configuration, AppHostDirectory), _console);
}
