using PetitionPlatform.Hosting;
using PetitionPlatform.Hosting.ApplicationModel;
using PetitionPlatform.Hosting.Orchestration;
using PetitionPlatform.InfrastructureTests.Support;

namespace PetitionPlatform.InfrastructureTests.ApplicationModel;

/// <summary>The order resources start in (and stop in, reversed); nothing is started.</summary>
public sealed class DependencyOrderTests
{
    [Fact]
    public void The_platform_graph_starts_infrastructure_then_databases_then_services_then_the_gateway()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var postgres = builder.AddPostgres("postgres");
        var messaging = builder.AddRabbitMQ("messaging");
        var services = new[] { "intake", "routing" }.Select(name =>
        {
            var database = postgres.AddDatabase(name + "db");
            return builder.AddProject(name, new UnbuiltProject())
                .WithReference(database).WaitFor(database)
                .WithReference(messaging).WaitFor(messaging);
        }).ToList();
        var gateway = builder.AddProject("gateway", new UnbuiltProject());
        foreach (var service in services)
        {
            gateway.WithReference(service).WaitFor(service);
        }

        var layers = ResourceGraph.Layers(builder.Resources);

        Assert.Equal(
            [["postgres", "messaging"], ["intakedb", "routingdb"], ["intake", "routing"], ["gateway"]],
            layers.Select(layer => layer.Select(r => r.Name).ToArray()).ToArray());
    }

    [Fact]
    public void Referencing_a_project_needs_only_its_address_but_referencing_a_database_needs_it_running()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var database = builder.AddPostgres("postgres").AddDatabase("db");
        var backend = builder.AddProject("backend", new UnbuiltProject());
        var frontend = builder.AddProject("frontend", new UnbuiltProject()).WithReference(backend).WithReference(database);

        Assert.Equal([database.Resource], ResourceGraph.StartDependencies(frontend.Resource));
    }

    [Fact]
    public void Resources_waiting_for_each_other_are_reported_by_name()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var first = builder.AddProject("first", new UnbuiltProject());
        var second = builder.AddProject("second", new UnbuiltProject()).WaitFor(first);
        first.WaitFor(second);

        var failure = Assert.Throws<HostingException>(() => ResourceGraph.Layers(builder.Resources));

        Assert.Equal("The resources 'first', 'second' wait for each other in a cycle; remove one of their WaitFor or WithReference calls.", failure.Message);
    }

    [Fact]
    public void A_dependency_from_another_application_is_reported()
    {
        var stranger = DistributedApplication.CreateBuilder([]).AddPostgres("elsewhere");
        var builder = DistributedApplication.CreateBuilder([]);
        builder.AddProject("service", new UnbuiltProject()).WaitFor(stranger);

        var failure = Assert.Throws<HostingException>(() => ResourceGraph.Layers(builder.Resources));

        Assert.Equal("'service' depends on 'elsewhere', which was not added to this application.", failure.Message);
    }

    [Theory]
    [InlineData("Intake_Service")]
    [InlineData("1intake")]
    [InlineData("intake-")]
    [InlineData("in--take")]
    public void Names_that_cannot_become_environment_variables_are_refused(string name)
    {
        var builder = DistributedApplication.CreateBuilder([]);

        Assert.Throws<ArgumentException>(() => builder.AddProject(name, new UnbuiltProject()));
    }

    [Fact]
    public void A_name_can_be_used_once()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        builder.AddPostgres("postgres");

        Assert.Throws<ArgumentException>(() => builder.AddRabbitMQ("Postgres"));
    }
}
