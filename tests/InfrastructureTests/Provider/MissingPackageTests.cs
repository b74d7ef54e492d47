using System.Text.RegularExpressions;
using PetitionPlatform.Hosting;
using PetitionPlatform.Hosting.Infrastructure;
using PetitionPlatform.Hosting.Local;
using PetitionPlatform.Hosting.Processes;
using PetitionPlatform.InfrastructureTests.Support;

namespace PetitionPlatform.InfrastructureTests.Provider;

public sealed partial class MissingPackageTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    private static string Install => Signals.IsRoot ? "apt-get install" : "sudo apt-get install";

    [Fact]
    public async Task Missing_postgresql_is_one_sentence_naming_the_package()
    {
        var provider = new LocalProcessProvider(new LocalProcessProviderOptions { PostgresInstallRoot = "/nonexistent/postgresql" });

        var failure = await Assert.ThrowsAsync<HostingException>(() =>
            provider.StartPostgresAsync(new PostgresServerOptions("postgres", _directory.Combine("postgres")), CancellationToken.None));

        Assert.Equal($"PostgreSQL was not found at /nonexistent/postgresql/*/bin; install it with '{Install} postgresql'.", failure.Message);
        AssertOneSentence(failure.Message);
        Assert.False(Directory.Exists(_directory.Combine("postgres")), "Nothing is prepared for a server that cannot run.");
    }

    [Fact]
    public async Task Missing_rabbitmq_is_one_sentence_naming_the_package()
    {
        var provider = new LocalProcessProvider(new LocalProcessProviderOptions { RabbitMqServerPath = "/nonexistent/rabbitmq-server" });

        var failure = await Assert.ThrowsAsync<HostingException>(() =>
            provider.StartRabbitMqAsync(new RabbitMqServerOptions("messaging", _directory.Combine("messaging")), CancellationToken.None));

        Assert.Equal($"RabbitMQ was not found at /nonexistent/rabbitmq-server; install it with '{Install} rabbitmq-server'.", failure.Message);
        AssertOneSentence(failure.Message);
    }

    [Fact]
    public async Task Missing_epmd_points_at_the_rabbitmq_package_that_brings_erlang()
    {
        var provider = new LocalProcessProvider(new LocalProcessProviderOptions { EpmdPath = "/nonexistent/epmd" });

        var failure = await Assert.ThrowsAsync<HostingException>(() =>
            provider.StartRabbitMqAsync(new RabbitMqServerOptions("messaging", _directory.Combine("messaging")), CancellationToken.None));

        Assert.Equal($"Erlang's epmd was not found at /nonexistent/epmd; install it with '{Install} rabbitmq-server'.", failure.Message);
    }

    public void Dispose() => _directory.Dispose();

    private static void AssertOneSentence(string message)
    {
        Assert.DoesNotContain('\n', message);
        Assert.EndsWith(".", message, StringComparison.Ordinal);
        Assert.DoesNotMatch(SentenceBreak(), message);
    }

    [GeneratedRegex(@"[.!?]\s+[A-Z]")]
    private static partial Regex SentenceBreak();
}
