using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using PetitionPlatform.Identity.Signing;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Identity;

/// <summary>
/// The token service on a real PostgreSQL: operators register clients for organisations of the directory, clients
/// sign in with their credentials and get a short-lived JWT signed with a published key, naming their organisation and
/// roles; secrets can be reset and clients removed.
/// </summary>
[Collection(SharedInfrastructure.CollectionName)]
public sealed class TokenServiceTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private TokenService _service = null!;

    public async Task InitializeAsync() => _service = await TokenService.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task A_registered_client_gets_a_signed_token_naming_its_organisation_and_roles()
    {
        using var operators = await _service.SignedInAsync("operator", TokenService.OperatorSecret);
        using var created = await operators.PostAsJsonAsync("/api/identity/clients", new { orgId = "130724/hrss", roles = new[] { "unit", "reviewer" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("130724/hrss", client.GetProperty("clientId").GetString());

        using var response = await _service.RequestTokenAsync("130724/hrss", client.GetProperty("secret").GetString()!);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", answer.GetProperty("token_type").GetString());
        Assert.InRange(answer.GetProperty("expires_in").GetInt32(), 60, 600);
        var validated = await ValidateAsync(answer.GetProperty("access_token").GetString()!);
        Assert.True(validated.IsValid, validated.Exception?.Message);
        var claims = (JsonWebToken)validated.SecurityToken;
        Assert.Equal("130724/hrss", claims.Subject);
        Assert.Equal("130724/hrss", claims.GetClaim("org_id").Value);
        Assert.Equal(["reviewer", "unit"], claims.Claims.Where(c => c.Type == "role").Select(c => c.Value).Order());
    }

    /// <summary>Issue 14: the clients are listed by id a page at a time; following the links reads each once.</summary>
    [Fact]
    public async Task The_clients_are_paged_by_id()
    {
        using var operators = await _service.SignedInAsync("operator", TokenService.OperatorSecret);
        foreach (var id in new[] { "paging-b", "paging-a", "paging-c" })
        {
            using var created = await operators.PostAsJsonAsync("/api/identity/clients", new { orgId = "130724/hrss", roles = new[] { "unit" }, clientId = id });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var whole = (await operators.GetFromJsonAsync<List<JsonElement>>("/api/identity/clients?limit=500"))!;
        var (paged, pages) = await Pages.ReadAllAsync(operators, "/api/identity/clients?limit=2");

        var ids = paged.Select(c => c.GetProperty("clientId").GetString()).ToList();
        Assert.Equal(whole.Select(c => c.GetProperty("clientId").GetString()), ids);
        Assert.Equal((whole.Count + 1) / 2, pages);
        Assert.Equal(["paging-a", "paging-b", "paging-c"], ids.Where(id => id!.StartsWith("paging-", StringComparison.Ordinal)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Wrong_credentials_and_other_grants_get_no_token()
    {
        using var wrongSecret = await _service.RequestTokenAsync("operator", "not-the-secret");
        using var unknownClient = await _service.RequestTokenAsync("nobody", "x");
        using var otherGrant = await _service.RequestTokenAsync("operator", TokenService.OperatorSecret, grantType: "password");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal("invalid_client", (await wrongSecret.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, unknownClient.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherGrant.StatusCode);
        Assert.Equal("unsupported_grant_type", (await otherGrant.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Only_operators_manage_clients_and_every_refusal_is_a_problem()
    {
        using var operators = await _service.SignedInAsync("operator", TokenService.OperatorSecret);
        using var made = await operators.PostAsJsonAsync("/api/identity/clients", new { orgId = "130724/housing", roles = new[] { "unit" } });
        var unit = await made.Content.ReadFromJsonAsync<JsonElement>();
        // What came back instead, when it was not a new client: once in a full run this was not (2026-12-05).
        Assert.True(made.StatusCode == HttpStatusCode.Created, $"{(int)made.StatusCode}: {unit}");
        using var asUnit = await _service.SignedInAsync("130724/housing", unit.GetProperty("secret").GetString()!);

        using var anonymous = await _service.Client.GetAsync(new Uri("/api/identity/clients", UriKind.Relative));
        using var forbidden = await asUnit.GetAsync(new Uri("/api/identity/clients", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        var tampered = (await _service.TokenAsync("130724/housing", unit.GetProperty("secret").GetString()!))[..^4] + "AAAA";
        using var withTampered = _service.Identity.CreateClient();
        withTampered.DefaultRequestHeaders.Authorization = new("Bearer", tampered);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withTampered.GetAsync(new Uri("/api/identity/clients", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_client_is_for_an_organisation_of_the_directory_with_roles_of_access_md()
    {
        using var operators = await _service.SignedInAsync("operator", TokenService.OperatorSecret);

        using var unknownOrg = await operators.PostAsJsonAsync("/api/identity/clients", new { orgId = "130724/nowhere", roles = new[] { "unit" } });
        using var badRole = await operators.PostAsJsonAsync("/api/identity/clients", new { orgId = "130724/hrss", roles = new[] { "admin" } });
        using var malformed = await operators.PostAsJsonAsync("/api/identity/clients", new { orgId = "hrss", roles = "unit" });

        Assert.True((await Problem(unknownOrg)).TryGetProperty("orgId", out _));
        Assert.True((await Problem(badRole)).TryGetProperty("roles", out _));
        Assert.True((await Problem(malformed)).TryGetProperty("roles", out _));
    }

    [Fact]
    public async Task A_reset_secret_replaces_the_old_one_and_a_removed_client_signs_in_no_more()
    {
        using var operators = await _service.SignedInAsync("operator", TokenService.OperatorSecret);
        var created = await (await operators.PostAsJsonAsync("/api/identity/clients",
            new { orgId = "130724/petition-bureau", roles = new[] { "bureau" }, clientId = "guyuan-bureau" })).Content.ReadFromJsonAsync<JsonElement>();
        var first = created.GetProperty("secret").GetString()!;

        var reset = await (await operators.PostAsync(new Uri("/api/identity/clients/guyuan-bureau/secret", UriKind.Relative), null))
            .Content.ReadFromJsonAsync<JsonElement>();
        var second = reset.GetProperty("secret").GetString()!;

        Assert.Equal(HttpStatusCode.Unauthorized, (await _service.RequestTokenAsync("guyuan-bureau", first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _service.RequestTokenAsync("guyuan-bureau", second)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await operators.DeleteAsync(new Uri("/api/identity/clients/guyuan-bureau", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _service.RequestTokenAsync("guyuan-bureau", second)).StatusCode);
    }

    [Fact]
    public async Task Two_removals_of_one_client_at_once_remove_it_once_and_neither_fails()
    {
        using var operators = await _service.SignedInAsync("operator", TokenService.OperatorSecret);
        using var created = await operators.PostAsJsonAsync("/api/identity/clients", new { orgId = "130724/hrss", roles = new[] { "unit" }, clientId = "removed-twice" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var removals = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => operators.DeleteAsync(new Uri("/api/identity/clients/removed-twice", UriKind.Relative))));

        Assert.Equal(1, removals.Count(r => r.StatusCode == HttpStatusCode.NoContent));
        Assert.All(removals.Where(r => r.StatusCode != HttpStatusCode.NoContent), r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    [Fact]
    public async Task Two_registrations_of_one_client_id_at_once_make_one_client_and_the_other_hears_it_exists()
    {
        using var operators = await _service.SignedInAsync("operator", TokenService.OperatorSecret);

        var creations = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            operators.PostAsJsonAsync("/api/identity/clients", new { orgId = "130724/hrss", roles = new[] { "unit" }, clientId = "made-twice" })));

        Assert.Equal(1, creations.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(creations.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
    }

    [Fact]
    public async Task Two_secret_resets_at_once_both_answer_and_the_last_secret_is_the_one_that_works()
    {
        using var operators = await _service.SignedInAsync("operator", TokenService.OperatorSecret);
        using var created = await operators.PostAsJsonAsync("/api/identity/clients", new { orgId = "130724/hrss", roles = new[] { "unit" }, clientId = "reset-twice" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var resets = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => operators.PostAsync(new Uri("/api/identity/clients/reset-twice/secret", UriKind.Relative), null)));

        Assert.All(resets, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var secrets = await Task.WhenAll(resets.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!));
        var working = await Task.WhenAll(secrets.Select(async s => (await _service.RequestTokenAsync("reset-twice", s)).StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, working.Count(w => w));
    }

    [Fact]
    public async Task A_rotated_key_is_published_at_once_beside_the_one_that_still_signs()
    {
        using var operators = await _service.SignedInAsync("operator", TokenService.OperatorSecret);
        var before = await KeyIdsAsync();

        using var rotated = await operators.PostAsync(new Uri("/api/identity/signing-keys", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        var successor = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // Published at once by the instance that made it (the others take it up within their refresh interval).
        var after = await KeyIdsAsync();
        Assert.Contains(successor, after);
        Assert.Superset(before.ToHashSet(), after.ToHashSet());
        var token = new JsonWebToken(await _service.TokenAsync("operator", TokenService.OperatorSecret));
        Assert.NotEqual(successor, token.Kid);
    }

    [Fact]
    public async Task Once_a_rotated_key_signs_the_token_service_s_own_endpoints_accept_its_tokens()
    {
        // A token service of its own: its clock moves past the successor's start, and it reads its keys every second.
        var time = new TestClock();
        await using var service = await TokenService.StartAsync(infrastructure,
            new Dictionary<string, string?> { ["Identity:SigningKeysRefresh"] = "00:00:01" },
            services => services.AddSingleton<TimeProvider>(time));
        using (var before = await service.SignedInAsync("operator", TokenService.OperatorSecret))
        {
            // Its validation is built now, with the keys of before the rotation.
            Assert.Equal(HttpStatusCode.OK, (await before.GetAsync(new Uri("/api/identity/clients", UriKind.Relative))).StatusCode);
            using var rotated = await before.PostAsync(new Uri("/api/identity/signing-keys", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
            var successor = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

            time.Advance(SigningKeyPolicy.PublishAhead + TimeSpan.FromMinutes(1));
            await Eventually.HoldsAsync(async () => new JsonWebToken(await service.TokenAsync("operator", TokenService.OperatorSecret)).Kid,
                kid => kid == successor, within: TimeSpan.FromSeconds(30), because: "the successor signs once it is valid");
        }

        using var after = await service.SignedInAsync("operator", TokenService.OperatorSecret);
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync(new Uri("/api/identity/clients", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_key_refresh_that_cannot_reach_the_database_keeps_the_keys_it_has_and_the_service_recovers()
    {
        var logs = new LogCapture();
        await using var service = await TokenService.StartAsync(infrastructure,
            new Dictionary<string, string?> { ["Identity:SigningKeysRefresh"] = "00:00:00.200" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        var jwks = new Uri("/.well-known/jwks", UriKind.Relative);
        var published = await service.Client.GetStringAsync(jwks);
        var identitydb = new NpgsqlConnectionStringBuilder(service.Identity.Services.GetRequiredService<IConfiguration>().GetConnectionString("identitydb"));
        var name = identitydb.Database!;
        await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(identitydb.ConnectionString) { Database = "postgres" }.ConnectionString);
        await server.OpenAsync();
        try
        {
            // The database goes away under the running service: no new connection, the open ones cut.
            await Sql(server, $"""ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false""");
            await Sql(server, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");

            await Eventually.HoldsAsync(() => Task.FromResult(logs.Records.Count(r => r.Category.EndsWith(".SigningKeysRefresh", StringComparison.Ordinal)
                    && r.Message.Contains("the round failed", StringComparison.Ordinal))),
                failures => failures >= 3, within: TimeSpan.FromSeconds(60), because: "the refresh keeps trying while the database is away");
            // Still here, still publishing what it had: validators keep working.
            Assert.Equal(published, await service.Client.GetStringAsync(jwks));
        }
        finally
        {
            await Sql(server, $"""ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true""");
        }

        await Eventually.HoldsAsync(async () => (await service.RequestTokenAsync("operator", TokenService.OperatorSecret)).StatusCode,
            status => status == HttpStatusCode.OK, within: TimeSpan.FromSeconds(60), because: "the service signs again once its database is back");
    }

    private static async Task Sql(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<TokenValidationResult> ValidateAsync(string token)
    {
        var jwks = new JsonWebKeySet(await _service.Client.GetStringAsync(new Uri("/.well-known/jwks", UriKind.Relative)));
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "http://identity/",
            ValidAudience = "petitionplatform",
            IssuerSigningKeys = jwks.GetSigningKeys(),
        });
    }

    private async Task<List<string>> KeyIdsAsync() =>
        [.. new JsonWebKeySet(await _service.Client.GetStringAsync(new Uri("/.well-known/jwks", UriKind.Relative))).Keys.Select(k => k.Kid)];

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }
}
