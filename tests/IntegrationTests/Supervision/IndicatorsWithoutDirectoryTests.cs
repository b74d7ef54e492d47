using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Supervision;

/// <summary>
/// Indicators name regions and sum them up their chain, both from routing's directory: without it the bureau gets a
/// 503 that says when to ask again, not a 500 and not figures that leave regions out.
/// </summary>
[Collection("infrastructure")]
public sealed class IndicatorsWithoutDirectoryTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private SupervisionUnderTest _supervision = null!;

    public async Task InitializeAsync() =>
        _supervision = await SupervisionUnderTest.StartAsync(infrastructure, "supervision", unreachableDirectory: true);

    public async Task DisposeAsync() => await _supervision.DisposeAsync();

    [Fact]
    public async Task An_unreachable_directory_is_a_503_problem_with_Retry_After()
    {
        var response = await _supervision.Client.GetAsync("/api/supervision/indicators?regionCode=130700&from=2026-01-01&to=2026-01-31");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("directory", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}
