using PetitionPlatform.AppHost.Infrastructure.Local;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.TestSupport;

using PetitionPlatform.IntegrationTests.Identity;

namespace PetitionPlatform.IntegrationTests.Intake;

/// <summary>With routing down, intake cannot check a registration's references, so it registers nothing.</summary>
[Collection("infrastructure")]
public sealed class DirectoryOutageTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private ServiceFactory<IntakeDbContext> _intake = null!;

    public async Task InitializeAsync()
    {
        // Intake needs a client: registrations come from a portal's, reads from a bureau's.
        await SharedTokens.StartAsync(infrastructure);
        _intake = new ServiceFactory<IntakeDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:intakedb"] = await infrastructure.CreateDatabaseAsync("intake"),
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync("intake"),
            // Nothing listens there: routing is "down".
            ["Directory:BaseAddress"] = $"http://127.0.0.1:{LocalPorts.Free()}",
        });
        await ServiceSet.Ready(_intake.CreateClient());
    }

    public async Task DisposeAsync() => await _intake.DisposeAsync();

    [Fact]
    public async Task Registration_answers_503_and_keeps_nothing_when_the_directory_is_unreachable()
    {
        var response = await _intake.As("portal").RegisterAsync(SamplePetitions.GuyuanWageArrears());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nothing was registered", (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(0, await _intake.InDatabaseAsync(db => db.Petitions.CountAsync()));
        Assert.Equal(0, await _intake.InDatabaseAsync(db => db.Set<OutboxMessage>().CountAsync()));
    }
}
