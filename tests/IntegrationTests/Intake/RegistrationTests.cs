using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PetitionPlatform.Contracts;
using PetitionPlatform.Data.Protection;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.TestSupport;

using PetitionPlatform.IntegrationTests.Identity;

namespace PetitionPlatform.IntegrationTests.Intake;

[Collection("infrastructure")]
public sealed class RegistrationTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private ServiceFactory<RoutingDbContext> _routing = null!;
    private ServiceFactory<IntakeDbContext> _intake = null!;
    private string _database = null!;
    private HttpClient _client = null!;
    private HttpClient _reader = null!;

    public async Task InitializeAsync()
    {
        // Intake needs a client: registrations come from a portal's, reads from a bureau's.
        await SharedTokens.StartAsync(infrastructure);
        _database = await infrastructure.CreateDatabaseAsync("intake");
        var messaging = await infrastructure.CreateVirtualHostAsync("intake");
        // The real routing service serves the directory that registration is checked against.
        _routing = new ServiceFactory<RoutingDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:routingdb"] = await infrastructure.CreateDatabaseAsync("routing"),
            ["ConnectionStrings:messaging"] = messaging,
        });
        _intake = new ServiceFactory<IntakeDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:intakedb"] = _database,
            ["ConnectionStrings:messaging"] = messaging,
        }, DirectoryWiring.Through(_routing));
        _client = _intake.As("portal");
        _reader = _intake.As("130000/petition-bureau");
    }

    public async Task DisposeAsync()
    {
        await _intake.DisposeAsync();
        await _routing.DisposeAsync();
    }

    [Fact]
    public async Task A_petition_is_registered_with_a_number_and_a_query_code()
    {
        var response = await _client.RegisterAsync(SamplePetitions.GuyuanWageArrears());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var petitionId = body.GetProperty("petitionId").GetString();
        Assert.Equal($"/api/intake/petitions/{petitionId}", response.Headers.Location?.OriginalString);
        Assert.Matches(@"^130724-\d{8}-00001$", body.GetProperty("number").GetString());
        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$", body.GetProperty("trackingCode").GetString());
        Assert.Equal("registered", body.GetProperty("status").GetString());

        var record = await _reader.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        Assert.Equal("wage-arrears", record.GetProperty("topic").GetString());
        Assert.Equal("130000/petition-bureau", record.GetProperty("receivedBy").GetString());
        Assert.True(record.GetProperty("collective").GetBoolean());
        Assert.Equal("王**", record.GetProperty("petitioner").GetProperty("name").GetString());
        Assert.Equal("1101************2X", record.GetProperty("petitioner").GetProperty("idNumber").GetString());
    }

    [Fact]
    public async Task The_receiving_unit_defaults_to_the_county_petition_bureau()
    {
        var body = JsonSerializer.SerializeToNode(SamplePetitions.GuyuanWageArrears())!.AsObject();
        body.Remove("receivedBy");

        var response = await _client.RegisterAsync(body);
        var record = await _reader.GetFromJsonAsync<JsonElement>(response.Headers.Location);

        Assert.Equal("130724/petition-bureau", record.GetProperty("receivedBy").GetString());
    }

    [Fact]
    public async Task Personal_data_and_the_query_code_are_never_stored_or_published_in_clear()
    {
        var response = await _client.RegisterAsync(SamplePetitions.GuyuanWageArrears());
        var trackingCode = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;

        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT string_agg(row_to_json(p)::text, '') FROM petitions p) || (SELECT string_agg(body::text, '') FROM outbox_messages)",
            connection);
        var everything = (string)(await command.ExecuteScalarAsync())!;

        foreach (var value in new[] { "11010519491231002X", "13800138000", "王建国", "李春生", "沽源县黄盖淖镇", trackingCode, trackingCode.Replace("-", "", StringComparison.Ordinal) })
        {
            Assert.DoesNotContain(value, everything, StringComparison.Ordinal);
        }

        // The receipt carries the code sealed for notification, which opens it with the keys the two share.
        var receipt = await _intake.InDatabaseAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.MessageType.EndsWith(nameof(PetitionerReceiptRequested))));
        var sealedCode = JsonDocument.Parse(receipt.Body).RootElement.GetProperty("sealedTrackingCode").GetString()!;
        Assert.Equal(trackingCode, _intake.Services.GetRequiredService<ReceiptSealing>().OpenBase64(sealedCode));
    }

    [Fact]
    public async Task The_petitioner_is_read_back_masked_from_what_was_sealed()
    {
        var response = await _client.RegisterAsync(SamplePetitions.GuyuanWageArrears());
        var petitionId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("petitionId").GetString();

        var record = await _reader.GetFromJsonAsync<JsonElement>($"/api/intake/petitions/{petitionId}");

        var petitioner = record.GetProperty("petitioner");
        Assert.Equal("王**", petitioner.GetProperty("name").GetString());
        Assert.Equal("138****8000", petitioner.GetProperty("phone").GetString());
        Assert.Equal("沽源县黄盖淖*", petitioner.GetProperty("address").GetString());
        Assert.Equal(["王**", "李**"], record.GetProperty("representatives").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task The_event_leaves_through_the_outbox_and_is_marked_sent()
    {
        var response = await _client.RegisterAsync(SamplePetitions.GuyuanWageArrears());
        var petitionId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("petitionId").GetString();

        var sent = await Eventually.HoldsAsync(
            () => _intake.InDatabaseAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.MessageType == "PetitionPlatform.Contracts.PetitionRegistered")),
            message => message.SentAt is not null,
            because: "the dispatcher publishes the committed event");
        Assert.Equal("PetitionPlatform.Contracts.PetitionRegistered", sent.MessageType);
        Assert.Contains(petitionId!, sent.Body, StringComparison.Ordinal);
        Assert.NotNull(sent.TraceParent);
    }

    [Fact]
    public async Task Repeating_a_request_with_its_idempotency_key_returns_the_first_answer_and_registers_nothing_new()
    {
        var first = await _client.RegisterAsync(SamplePetitions.GuyuanWageArrears(), "agency-42-request-7");
        var again = await _client.RegisterAsync(SamplePetitions.GuyuanWageArrears(), "agency-42-request-7");

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await _intake.InDatabaseAsync(db => db.Petitions.CountAsync()));
        // One registration's events: PetitionRegistered, the petitioner's receipt and the audit trail's entry.
        Assert.Equal(3, await _intake.InDatabaseAsync(db => db.Set<OutboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_petition_is_a_conflict()
    {
        await _client.RegisterAsync(SamplePetitions.GuyuanWageArrears(), "agency-42-request-8");
        var other = await _client.RegisterAsync(SamplePetitions.GuyuanWageArrears(subject: "另一件事"), "agency-42-request-8");

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await _intake.InDatabaseAsync(db => db.Petitions.CountAsync()));
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_register_once()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 5)
            .Select(_ => _client.RegisterAsync(SamplePetitions.GuyuanWageArrears(), "flaky-network-retry")));

        Assert.All(attempts, response => Assert.Equal(HttpStatusCode.Accepted, response.StatusCode));
        Assert.Equal(1, await _intake.InDatabaseAsync(db => db.Petitions.CountAsync()));
    }

    [Fact]
    public async Task Numbers_follow_each_other_within_a_county_and_day()
    {
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await _client.RegisterAsync(SamplePetitions.GuyuanWageArrears());
            numbers.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!);
        }

        Assert.Equal(["00001", "00002", "00003"], numbers.Select(n => n[^5..]));
    }

    [Fact]
    public async Task Bad_input_gets_a_problem_naming_each_field_and_registers_nothing()
    {
        var response = await _client.RegisterAsync(new { channel = "fax", kind = "complaint", topic = "wage-arrears", regionCode = "13", headcount = 6 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "channel", "subject", "content", "regionCode", "petitioner", "representatives" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no problem reported for '{field}'");
        }

        Assert.Equal(0, await _intake.InDatabaseAsync(db => db.Petitions.CountAsync()));
        Assert.Equal(0, await _intake.InDatabaseAsync(db => db.Set<OutboxMessage>().CountAsync()));
    }

    [Theory]
    [InlineData("\"subject\": \"工资\\u0000\"", "subject")]
    [InlineData("\"petitioner\": { \"name\": \"王\\ud800\" }", "petitioner.name")]
    [InlineData("\"representatives\": [\"甲\", \"乙\\u0007\"]", "representatives[1]")]
    public async Task Text_no_field_takes_is_a_problem_naming_the_field_and_registers_nothing(string member, string field)
    {
        // The sample's fields, the offending one last (a repeated name: the later value is the one that counts).
        var body = "{\"channel\":\"online\",\"kind\":\"complaint\",\"topic\":\"wage-arrears\",\"subject\":\"拖欠工资\",\"content\":\"请求督促支付。\"," +
            "\"regionCode\":\"130724102\",\"receivedBy\":\"130000/petition-bureau\",\"petitioner\":{\"name\":\"王建国\"},\"headcount\":35," + member + "}";

        using var response = await _client.PostAsync("/api/intake/petitions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), $"the problem names '{field}'");
        Assert.Equal(0, await _intake.InDatabaseAsync(db => db.Petitions.CountAsync()));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_named_by_its_field()
    {
        var response = await _client.PostAsync("/api/intake/petitions",
            new StringContent("""{"channel":"online","headcount":"thirty-five"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("headcount", out _));
    }

    [Fact]
    public async Task Anything_but_json_is_refused()
    {
        var response = await _client.PostAsync("/api/intake/petitions", new StringContent("channel=online"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task References_missing_from_the_directory_are_named_and_nothing_is_registered()
    {
        var body = JsonSerializer.SerializeToNode(SamplePetitions.GuyuanWageArrears())!.AsObject();
        body["regionCode"] = "130799";
        body["receivedBy"] = "130000/weather-bureau";
        body["topic"] = "ufo-sightings";

        var response = await _client.RegisterAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("130799", errors.GetProperty("regionCode")[0].GetString());
        Assert.Contains("130000/weather-bureau", errors.GetProperty("receivedBy")[0].GetString());
        Assert.Contains("ufo-sightings", errors.GetProperty("topic")[0].GetString());
        Assert.Equal(0, await _intake.InDatabaseAsync(db => db.Petitions.CountAsync()));
        Assert.Equal(0, await _intake.InDatabaseAsync(db => db.Set<OutboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task A_suggestion_is_addressed_to_a_unit_of_the_county()
    {
        var body = JsonSerializer.SerializeToNode(SamplePetitions.GuyuanWageArrears())!.AsObject();
        body["kind"] = "suggestion";
        body["topic"] = "policy-suggestion";
        body["headcount"] = 1;
        body.Remove("representatives");

        body["subtopic"] = "weather";
        var refused = await _client.RegisterAsync(body);
        body["subtopic"] = "housing";
        var registered = await _client.RegisterAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("subtopic", out _));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        var record = await _reader.GetFromJsonAsync<JsonElement>(registered.Headers.Location);
        Assert.Equal("housing", record.GetProperty("subtopic").GetString());
    }
}
