using Microsoft.Extensions.Configuration;
using PetitionPlatform.Hosting;
using PetitionPlatform.Hosting.Containers;
using PetitionPlatform.Hosting.Infrastructure;

namespace PetitionPlatform.InfrastructureTests.Containers;

/// <summary>The choice between local processes and containers, with the engine's answer given rather than asked.</summary>
public sealed class InfrastructureSelectorTests
{
    private static readonly Uri Endpoint = new("unix:///var/run/docker.sock");

    [Theory]
    [InlineData(null, true, InfrastructureMode.Containers, "a Docker engine answers at unix:///var/run/docker.sock")]
    [InlineData("", false, InfrastructureMode.Local, "no Docker engine answers at unix:///var/run/docker.sock")]
    [InlineData("containers", true, InfrastructureMode.Containers, "PETITION_INFRASTRUCTURE=containers")]
    [InlineData(" Containers ", true, InfrastructureMode.Containers, "PETITION_INFRASTRUCTURE=containers")]
    public async Task Chooses_by_the_variable_then_by_the_engine(string? requested, bool engineAnswers, InfrastructureMode mode, string reason)
    {
        var choice = await InfrastructureSelector.ChooseAsync(requested, _ => Task.FromResult(engineAnswers), Endpoint, CancellationToken.None);

        Assert.Equal((mode, reason), choice);
    }

    [Fact]
    public async Task Forced_local_does_not_ask_the_engine()
    {
        var asked = false;

        var choice = await InfrastructureSelector.ChooseAsync("local", _ => Task.FromResult(asked = true), Endpoint, CancellationToken.None);

        Assert.Equal(InfrastructureMode.Local, choice.Mode);
        Assert.False(asked);
    }

    [Fact]
    public async Task Forced_containers_without_an_engine_fails_in_one_sentence_instead_of_falling_back()
    {
        var failure = await Assert.ThrowsAsync<HostingException>(() =>
            InfrastructureSelector.ChooseAsync("containers", _ => Task.FromResult(false), Endpoint, CancellationToken.None));

        Assert.Equal(
            "PETITION_INFRASTRUCTURE=containers, but no Docker engine answers at unix:///var/run/docker.sock; start dockerd, set DOCKER_HOST, or use PETITION_INFRASTRUCTURE=local.",
            failure.Message);
    }

    [Fact]
    public async Task An_unknown_mode_is_refused_naming_the_valid_ones()
    {
        var failure = await Assert.ThrowsAsync<HostingException>(() =>
            InfrastructureSelector.ChooseAsync("docker", _ => Task.FromResult(true), Endpoint, CancellationToken.None));

        Assert.Contains("'docker'; use 'containers' or 'local'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_socket_path_where_nothing_listens_is_no_engine()
    {
        var missing = new Uri($"unix:///tmp/no-docker-{Guid.NewGuid():N}.sock");

        Assert.False(await DockerEngine.AnswersAsync(missing, TimeSpan.FromSeconds(2), CancellationToken.None));
    }

    [DockerFact]
    public async Task The_running_engine_answers_the_ping()
    {
        Assert.True(await DockerEngine.AnswersAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    [Fact]
    public void Image_names_come_from_the_variables_and_default_to_the_official_images()
    {
        var configured = ContainerProviderOptions.From(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [ContainerProviderOptions.PostgresImageKey] = "petitionplatform/postgres:15",
                [ContainerProviderOptions.RabbitMqImageKey] = " ",
            }).Build(),
            keepData: false);

        Assert.Equal(("petitionplatform/postgres:15", "rabbitmq:3-management"), (configured.PostgresImage, configured.RabbitMqImage));
    }

    [Theory]
    [InlineData(null, "1.41", "1.41")]
    [InlineData("", "1.43", "1.43")]
    [InlineData(null, "1.44", null)]
    [InlineData(null, "1.52", null)]
    [InlineData("1.40", "1.41", null)]
    [InlineData(null, null, null)]
    public void An_engine_older_than_the_client_gets_its_own_api_version_unless_one_is_configured(string? configured, string? engine, string? pinned)
    {
        Assert.Equal(pinned, DockerApiVersion.ToPin(configured, engine is null ? null : Version.Parse(engine)));
    }

    [Theory]
    [InlineData("localhost", "127.0.0.1")]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("docker.example.org", "docker.example.org")]
    [InlineData("192.0.2.10", "192.0.2.10")]
    public void Published_ports_of_a_local_engine_are_reached_on_loopback(string reported, string used)
    {
        Assert.Equal(used, ContainerStart.LoopbackFor(reported));
    }
}
