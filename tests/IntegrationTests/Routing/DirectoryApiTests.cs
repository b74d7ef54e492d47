using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Routing;

/// <summary>The directory as intake and agencies read it, served from the database seeded at start.</summary>
[Collection("infrastructure")]
public sealed class DirectoryApiTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private RoutingService _routing = null!;

    public async Task InitializeAsync() => _routing = await RoutingService.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _routing.DisposeAsync();

    [Theory]
    // (A NUL itself, %00, cannot be sent to an in-process server at all; the end-to-end suite sends it through the gateway.)
    [InlineData("/api/routing/organizations/%01", "path")]
    [InlineData("/api/routing/regions/1307%0724", "path")]
    [InlineData("/api/routing/organizations?regionCode=130724%00", "regionCode")]
    public async Task A_control_character_in_a_path_or_query_is_a_problem_naming_where(string path, string field)
    {
        using var response = await _routing.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), $"the problem names '{field}'");
    }

    [Theory]
    // Found by the fuzz (issue 13): a query value that does not bind to the parameter's type was a 500.
    [InlineData("/api/routing/dev/messaging?petitionId=1e309")]
    [InlineData("/api/routing/dev/messaging?petitionId=%ff")]
    [InlineData("/api/routing/dev/messaging?petitionId=")]
    public async Task A_query_value_of_the_wrong_type_is_a_problem_naming_the_parameter(string path)
    {
        using var response = await _routing.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("petitionId", out _), "the problem names 'petitionId'");
    }

    [Theory]
    [InlineData("/api/routing/organizations/130724/hrss")]
    [InlineData("/api/routing/organizations/130724%2Fhrss")]
    public async Task An_organization_is_found_by_its_id_with_or_without_the_slash_encoded(string path)
    {
        var organization = await _routing.Client.GetFromJsonAsync<JsonElement>(path);

        Assert.Equal("130724/hrss", organization.GetProperty("id").GetString());
        Assert.Equal("沽源县人力资源和社会保障局", organization.GetProperty("name").GetString());
        Assert.Equal("130724", organization.GetProperty("regionCode").GetString());
        Assert.Equal("county", organization.GetProperty("level").GetString());
        Assert.Equal("hrss", organization.GetProperty("unit").GetString());
        Assert.Equal("130700/hrss", organization.GetProperty("parentId").GetString());
    }

    [Fact]
    public async Task A_township_government_reports_to_the_county_petition_bureau()
    {
        var organization = await _routing.Client.GetFromJsonAsync<JsonElement>("/api/routing/organizations/130724102/township-gov");

        Assert.Equal("黄盖淖镇人民政府", organization.GetProperty("name").GetString());
        Assert.Equal("130724/petition-bureau", organization.GetProperty("parentId").GetString());
    }

    [Fact]
    public async Task An_unknown_organization_is_a_404_problem()
    {
        var response = await _routing.Client.GetAsync("/api/routing/organizations/130724/bakery");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_region_names_its_level_and_parent_and_chongqing_has_no_city_level()
    {
        var district = await _routing.Client.GetFromJsonAsync<JsonElement>("/api/routing/regions/500116");

        Assert.Equal(("江津区", "county", "500000"),
            (district.GetProperty("name").GetString(), district.GetProperty("level").GetString(), district.GetProperty("parentCode").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await _routing.Client.GetAsync("/api/routing/regions/999999")).StatusCode);
    }

    [Fact]
    public async Task The_units_of_a_region_are_listed_and_the_region_is_required()
    {
        var townships = await _routing.Client.GetFromJsonAsync<JsonElement>("/api/routing/organizations?regionCode=500116010");
        Assert.Equal(["500116010/joint-conference", "500116010/township-gov"], townships.EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        Assert.Equal(15, (await _routing.Client.GetFromJsonAsync<JsonElement>("/api/routing/organizations?regionCode=130000")).GetArrayLength());

        var missing = await _routing.Client.GetAsync("/api/routing/organizations");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("regionCode", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await _routing.Client.GetAsync("/api/routing/organizations?regionCode=110000")).StatusCode);
    }

    [Fact]
    public async Task The_classification_list_is_served_topic_by_topic()
    {
        var topics = await _routing.Client.GetFromJsonAsync<JsonElement>("/api/routing/topics");
        Assert.Equal(13, topics.GetArrayLength());

        var dispute = await _routing.Client.GetFromJsonAsync<JsonElement>("/api/routing/topics/neighbour-dispute");
        Assert.Equal(("township-gov", "justice"), (dispute.GetProperty("unit").GetString(), dispute.GetProperty("fallbackUnit").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await _routing.Client.GetAsync("/api/routing/topics/astrology")).StatusCode);
    }

    /// <summary>Issue 14: reference data is paged too, each list by its one unique key, and a client that follows the links reads every entry once.</summary>
    [Theory]
    [InlineData("/api/routing/regions", "code", 3)]
    [InlineData("/api/routing/organizations?regionCode=130000", "unit", 4)]
    [InlineData("/api/routing/topics", "topic", 5)]
    public async Task Reference_lists_are_paged_by_their_key_and_read_whole_by_following_the_links(string list, string key, int limit)
    {
        var separator = list.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var whole = (await _routing.Client.GetFromJsonAsync<List<JsonElement>>($"{list}{separator}limit=500"))!;

        var (paged, pages) = await Pages.ReadAllAsync(_routing.Client, $"{list}{separator}limit={limit}");

        Assert.Equal(whole.Select(e => e.GetProperty(key).GetString()), paged.Select(e => e.GetProperty(key).GetString()));
        Assert.Equal((whole.Count + limit - 1) / limit, pages);
        Assert.Equal(whole.Count, paged.Select(e => e.GetProperty(key).GetString()).Distinct().Count());
        using var wrong = await _routing.Client.GetAsync($"{list}{separator}limit=501&after=not-a-cursor");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(["after", "limit"], (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject()
            .Select(e => e.Name).Order(StringComparer.Ordinal));
    }
}
