using PetitionPlatform.Hosting;
using PetitionPlatform.Hosting.ApplicationModel;
using PetitionPlatform.Hosting.Orchestration;

namespace PetitionPlatform.InfrastructureTests.Dashboard.Resources;

/// <summary>Which start/stop/restart requests a resource accepts in which state.</summary>
public sealed class ResourceTransitionsTests
{
    [Theory]
    [InlineData(ResourceState.Running, ResourceCommand.Stop)]
    [InlineData(ResourceState.Running, ResourceCommand.Restart)]
    [InlineData(ResourceState.Stopped, ResourceCommand.Start)]
    [InlineData(ResourceState.Stopped, ResourceCommand.Restart)]
    [InlineData(ResourceState.Exited, ResourceCommand.Start)]
    [InlineData(ResourceState.Exited, ResourceCommand.Restart)]
    [InlineData(ResourceState.FailedToStart, ResourceCommand.Start)]
    public void A_project_accepts_a_command_that_makes_sense_in_its_state(ResourceState state, ResourceCommand command)
    {
        var project = Project(state);

        Assert.Null(ResourceTransitions.Refusal(project, command, hostStopping: false));
    }

    [Theory]
    [InlineData(ResourceState.Running, ResourceCommand.Start, "'api' is already running; restart it instead.")]
    [InlineData(ResourceState.Stopped, ResourceCommand.Stop, "'api' is already stopped.")]
    [InlineData(ResourceState.Exited, ResourceCommand.Stop, "'api' is not running (it is exited); start it instead.")]
    [InlineData(ResourceState.Starting, ResourceCommand.Restart, "'api' is starting; wait until it is done.")]
    [InlineData(ResourceState.Stopping, ResourceCommand.Start, "'api' is stopping; wait until it is done.")]
    [InlineData(ResourceState.Waiting, ResourceCommand.Stop, "'api' has not been started by the host yet; wait until the host is running.")]
    public void A_project_refuses_a_command_that_does_not_fit_its_state_and_says_why(ResourceState state, ResourceCommand command, string reason)
    {
        var project = Project(state);

        Assert.Equal(reason, ResourceTransitions.Refusal(project, command, hostStopping: false));
    }

    [Theory]
    [InlineData(ResourceCommand.Start)]
    [InlineData(ResourceCommand.Stop)]
    [InlineData(ResourceCommand.Restart)]
    public void Servers_and_databases_are_shared_so_they_refuse_every_command(ResourceCommand command)
    {
        var server = new PostgresServerResource("postgres") { State = ResourceState.Running };
        var database = new PostgresDatabaseResource("appdb", "appdb", server) { State = ResourceState.Running };
        var broker = new RabbitMQServerResource("messaging") { State = ResourceState.Running };

        foreach (var resource in new IResource[] { server, database, broker })
        {
            var refusal = ResourceTransitions.Refusal(resource, command, hostStopping: false);
            Assert.NotNull(refusal);
            Assert.Contains("shared by every service", refusal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Nothing_is_accepted_once_the_host_stops()
    {
        var project = Project(ResourceState.Running);

        Assert.Equal(ResourceTransitions.HostStopping, ResourceTransitions.Refusal(project, ResourceCommand.Stop, hostStopping: true));
        Assert.Empty(ResourceTransitions.Allowed(project, hostStopping: true));
    }

    [Fact]
    public void The_allowed_commands_are_those_not_refused()
    {
        Assert.Equal([ResourceCommand.Stop, ResourceCommand.Restart], ResourceTransitions.Allowed(Project(ResourceState.Running), hostStopping: false));
        Assert.Equal([ResourceCommand.Start, ResourceCommand.Restart], ResourceTransitions.Allowed(Project(ResourceState.Stopped), hostStopping: false));
        Assert.Empty(ResourceTransitions.Allowed(Project(ResourceState.Stopping), hostStopping: false));
    }

    private static ProjectResource Project(ResourceState state) => new("api", new Metadata()) { State = state };

    private sealed class Metadata : IProjectMetadata
    {
        public string ProjectPath => "/src/Api/Api.csproj";

        public string TargetPath => "/src/Api/bin/Api.dll";
    }
}
