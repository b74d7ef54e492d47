using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.EndToEndTests.Lifecycle;

namespace PetitionPlatform.EndToEndTests.Access;

/// <summary>
/// Agencies sign in through the gateway (API.md, "Signing in"): the demo clients of the Development stack get tokens
/// naming their organisation and roles, a call without a valid token is a 401 problem, and a petitioner needs none
/// for what the query code opens.
/// </summary>
[Collection("platform")]
public sealed class SigningInTests(PlatformFixture platform)
{
    [Fact]
    public async Task Every_organisation_of_the_demo_directory_has_a_client_and_its_token_names_it()
    {
        Assert.Contains("130724/hrss", platform.Clients.Ids);
        Assert.Contains("130724102/township-gov", platform.Clients.Ids);
        Assert.Superset(new HashSet<string> { "portal", "operator", "auditor" }, platform.Clients.Ids.ToHashSet());

        using var response = await platform.Clients.RequestTokenAsync("130724/discipline", platform.Clients.SecretOf("130724/discipline"));
        var answer = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Bearer", answer.GetProperty("token_type").GetString());
        Assert.InRange(answer.GetProperty("expires_in").GetInt32(), 60, 3600);
        var claims = Payload(answer.GetProperty("access_token").GetString()!);
        Assert.Equal("130724/discipline", claims.GetProperty("org_id").GetString());
        Assert.Equal("discipline", claims.GetProperty("role").ValueKind == JsonValueKind.Array
            ? Assert.Single(claims.GetProperty("role").EnumerateArray()).GetString()
            : claims.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Wrong_credentials_get_no_token()
    {
        using var response = await platform.Clients.RequestTokenAsync("130724/hrss", platform.Clients.SecretOf("130724/discipline"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("/api/routing/organizations/130724%2Fhrss")]
    [InlineData("/api/handling/cases?orgId=130724/discipline")]
    [InlineData("/api/supervision/indicators?regionCode=130000&from=2026-01-01&to=2026-12-31")]
    [InlineData("/api/notifications?recipient=130724/hrss")]
    [InlineData("/api/identity/clients")]
    public async Task Without_a_token_an_agencys_endpoint_answers_401_and_with_one_it_is_not_refused_for_that(string path)
    {
        using var anonymous = await platform.Anonymous.GetAsync(path);
        using var signedIn = await platform.As("operator").GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/connect/token", (await anonymous.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Unauthorized, signedIn.StatusCode);
    }

    [Fact]
    public async Task A_registration_without_a_token_is_refused_and_registers_nothing()
    {
        using var response = await platform.Anonymous.PostAsJsonAsync("/api/intake/petitions", Petitions.GuyuanWageArrears());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Location"));
    }

    [Fact]
    public async Task The_petitioner_follows_the_matter_with_the_query_code_alone()
    {
        var petition = await platform.As("portal").RegisterAsync(Petitions.GuyuanWageArrears());

        var track = await Eventually.HoldsAsync(() => platform.Anonymous.GetAsync($"/api/track/{petition.TrackingCode}"),
            r => r.StatusCode == HttpStatusCode.OK, because: "the progress view opens with the code");
        var messages = await platform.Anonymous.PetitionerMessagesAsync(petition.TrackingCode,
            m => m.Templates(petition.PetitionId).Contains("receipt"), because: "the receipt is listed under the code");

        Assert.Equal(petition.Number, (await track.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString());
        Assert.Contains("receipt", messages.Templates(petition.PetitionId));
    }

    [Fact]
    public async Task Health_answers_anyone_with_each_services_status_only()
    {
        // A bus still connecting says Degraded for a moment; the running stack settles on Healthy.
        var health = await Eventually.HoldsAsync(() => platform.Anonymous.GetFromJsonAsync<JsonElement>("/health"),
            h => h.GetProperty("status").GetString() == "Healthy", because: "every service is healthy");

        Assert.All(health.GetProperty("services").EnumerateObject(),
            service => Assert.Equal(["status"], service.Value.EnumerateObject().Select(p => p.Name)));
    }

    private static JsonElement Payload(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return JsonSerializer.Deserialize<JsonElement>(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')));
    }
}
