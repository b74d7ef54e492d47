using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using PetitionPlatform.Hosting;
using PetitionPlatform.Hosting.ApplicationModel;
using PetitionPlatform.Hosting.Dashboard;
using PetitionPlatform.Hosting.Orchestration;
using PetitionPlatform.InfrastructureTests.Support;

namespace PetitionPlatform.InfrastructureTests.ApplicationModel;

/// <summary>What a service is started with, in Aspire's conventions; nothing is started.</summary>
public sealed class EnvironmentWiringTests
{
    private static readonly AppHostSettings Settings =
        new("/tmp/unused", TimeSpan.FromSeconds(120), "Development", null, new DashboardSettings(Enabled: false, Port: 18888));

    private readonly IResourceBuilder<PostgresDatabaseResource> _database;
    private readonly IResourceBuilder<RabbitMQServerResource> _messaging;
    private readonly IResourceBuilder<ProjectResource> _intake;
    private readonly IResourceBuilder<ProjectResource> _gateway;

    public EnvironmentWiringTests()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var postgres = builder.AddPostgres("postgres");
        _database = postgres.AddDatabase("intakedb");
        _messaging = builder.AddRabbitMQ("messaging").WithManagementPlugin();
        _intake = builder.AddProject("intake", new UnbuiltProject()).WithReference(_database).WithReference(_messaging);
        _gateway = builder.AddProject("gateway", new UnbuiltProject()).WithHttpEndpoint(port: 0).WithReference(_intake);
        postgres.Resource.Server = new StubPostgresServer();
        _messaging.Resource.Server = new StubRabbitMqServer();
        EndpointAllocator.Allocate([_intake.Resource, _gateway.Resource]);
    }

    [Fact]
    public void A_database_reference_becomes_the_connection_string_of_that_database()
    {
        var environment = ProjectEnvironment.For(_intake.Resource, Settings);

        Assert.Equal("Host=127.0.0.1;Port=15432;Username=postgres;Password=secret;Database=intakedb", environment["ConnectionStrings__intakedb"]);
    }

    [Fact]
    public void A_broker_reference_becomes_an_amqp_connection_string_under_the_broker_name()
    {
        var environment = ProjectEnvironment.For(_intake.Resource, Settings);

        Assert.Equal("amqp://admin:secret@127.0.0.1:15672/", environment["ConnectionStrings__messaging"]);
    }

    [Fact]
    public void A_project_reference_becomes_a_service_discovery_entry()
    {
        var environment = ProjectEnvironment.For(_gateway.Resource, Settings);

        Assert.Equal($"http://127.0.0.1:{_intake.Resource.GetEndpoint("http").AllocatedPort}", environment["services__intake__http__0"]);
        Assert.DoesNotContain(environment.Keys, key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_project_gets_its_address_name_and_environment_and_no_telemetry_target_unless_configured()
    {
        var environment = ProjectEnvironment.For(_intake.Resource, Settings);

        Assert.Equal($"http://127.0.0.1:{_intake.Resource.GetEndpoint("http").AllocatedPort}", environment["ASPNETCORE_URLS"]);
        Assert.Equal("intake", environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("Development", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Development", environment["DOTNET_ENVIRONMENT"]);
        Assert.DoesNotContain("OTEL_EXPORTER_OTLP_ENDPOINT", environment.Keys);
    }

    [Fact]
    public void The_service_environment_and_the_telemetry_target_come_from_the_apphost_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AppHost:ServiceEnvironment"] = "Staging",
            ["AppHost:OtlpEndpoint"] = "http://127.0.0.1:4318",
            ["AppHost:DataDirectory"] = "/tmp/unused",
        }).Build();

        var environment = ProjectEnvironment.For(_intake.Resource, AppHostSettings.From(configuration, AppContext.BaseDirectory));

        Assert.Equal("Staging", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Staging", environment["DOTNET_ENVIRONMENT"]);
        Assert.Equal("http://127.0.0.1:4318", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
    }

    [Fact]
    public void Without_a_collector_the_services_export_to_the_dashboard_and_a_disabled_dashboard_means_no_export()
    {
        var withDashboard = AppHostSettings.From(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Dashboard:Port"] = "18999" }).Build(),
            AppContext.BaseDirectory);
        var without = AppHostSettings.From(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Dashboard:Enabled"] = "false" }).Build(),
            AppContext.BaseDirectory);

        Assert.Equal("http://127.0.0.1:18999", ProjectEnvironment.For(_intake.Resource, withDashboard)["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.DoesNotContain("OTEL_EXPORTER_OTLP_ENDPOINT", ProjectEnvironment.For(_intake.Resource, without).Keys);
    }

    [Fact]
    public void An_explicit_environment_variable_wins_over_the_wiring()
    {
        _intake.WithEnvironment("ConnectionStrings__messaging", "amqp://elsewhere/");

        Assert.Equal("amqp://elsewhere/", ProjectEnvironment.For(_intake.Resource, Settings)["ConnectionStrings__messaging"]);
    }

    [Fact]
    public void A_fixed_port_in_use_fails_with_the_setting_that_changes_it()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _gateway.WithHttpEndpoint(port: port, name: "http", portSetting: "Gateway:Port");

        var failure = Assert.Throws<HostingException>(() => EndpointAllocator.Allocate([_gateway.Resource]));

        Assert.Equal($"Port {port} is in use; stop the other process or run with --Gateway:Port=<port>.", failure.Message);
    }

    [Fact]
    public void The_data_directory_defaults_to_dot_data_in_the_repository_root()
    {
        using var directory = new TestDirectory();
        File.WriteAllText(directory.Combine("PetitionPlatform.sln"), string.Empty);
        var appHostOutput = Directory.CreateDirectory(directory.Combine("AppHost/bin/Debug/net10.0")).FullName;

        var settings = AppHostSettings.From(new ConfigurationBuilder().Build(), appHostOutput);

        Assert.Equal(directory.Combine(".data"), settings.DataDirectory);
        Assert.Equal(TimeSpan.FromSeconds(120), settings.StartupTimeout);
    }
}
