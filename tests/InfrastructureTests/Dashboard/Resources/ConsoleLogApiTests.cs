using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.Hosting.Testing;
using PetitionPlatform.InfrastructureTests.Factory;
using PetitionPlatform.InfrastructureTests.Support;

namespace PetitionPlatform.InfrastructureTests.Dashboard.Resources;

/// <summary>A sample service's console through the dashboard: the recent lines, and the live tail as Server-Sent Events.</summary>
[Collection(SampleAppHostCollection.Name)]
public sealed class ConsoleLogApiTests : IAsyncLifetime
{
    private readonly TestDirectory _directory = new();
    private RunningApplication _app = null!;
    private HttpClient _dashboard = null!;
    private readonly HttpClient _client = new();

    public async Task InitializeAsync()
    {
        _app = await DistributedApplicationFactory.StartAsync(
            typeof(Projects.SampleService).Assembly,
            [$"--AppHost:DataDirectory={_directory.Combine("data")}", "--Dashboard:Port=0", "--Dashboard:Limits:ConsoleLines=300"]);
        _dashboard = new HttpClient { BaseAddress = _app.DashboardUrl };
    }

    [Fact]
    public async Task The_recent_lines_carry_time_text_and_stream_and_are_bounded_by_the_configured_limit()
    {
        await PrintAsync("stderr", "something-went-wrong");
        await PrintAsync("stdout", "all-is-well");

        var log = await _dashboard.GetFromJsonAsync<Log>(new Uri("/api/resources/backend/logs?tail=20", UriKind.Relative), ResourceControlTests.Json);

        Assert.Equal("backend", log!.Resource);
        Assert.Equal(300, log.Capacity);
        Assert.Equal(20, log.Lines.Count);
        // The service also logs each request, so the printed lines are picked out of the tail.
        var printed = log.Lines.Where(l => l.Text is "something-went-wrong" or "all-is-well").ToList();
        Assert.Equal(["something-went-wrong", "all-is-well"], printed.Select(l => l.Text));
        Assert.Equal(["stderr", "stdout"], printed.Select(l => l.Stream));
        Assert.All(log.Lines, l => Assert.InRange(l.Time, DateTimeOffset.Now.AddMinutes(-1), DateTimeOffset.Now.AddSeconds(1)));
        var all = await _dashboard.GetFromJsonAsync<Log>(new Uri("/api/resources/backend/logs", UriKind.Relative), ResourceControlTests.Json);
        Assert.Contains(all!.Lines, l => l.Text.Contains("Now listening on", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("301")]
    [InlineData("many")]
    public async Task A_tail_outside_the_limit_is_a_problem_naming_the_field(string tail)
    {
        using var response = await _dashboard.GetAsync(new Uri($"/api/resources/backend/logs?tail={tail}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("from 1 to 300", problem.RootElement.GetProperty("errors").GetProperty("tail")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_logs_of_an_unknown_resource_are_not_found()
    {
        using var response = await _dashboard.GetAsync(new Uri("/api/resources/nobody/logs/stream", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_live_tail_sends_the_recent_lines_then_each_new_line_as_it_is_written()
    {
        await PrintAsync("stdout", "before-following");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await _dashboard.GetAsync(
            new Uri("/api/resources/backend/logs/stream?tail=200", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var snapshot = await ReadUntilAsync(events, "before-following", timeout.Token);
        await PrintAsync("stderr", "while-following");
        var live = await ReadUntilAsync(events, "while-following", timeout.Token);

        Assert.Equal("stdout", snapshot.Stream);
        Assert.Equal("stderr", live.Stream);
    }

    public async Task DisposeAsync()
    {
        _dashboard.Dispose();
        _client.Dispose();
        await _app.DisposeAsync();
        _directory.Dispose();
    }

    private async Task PrintAsync(string stream, string text)
    {
        using var response = await _client.PostAsync(new Uri(_app.GetEndpoint("backend"), $"/print/{stream}/{text}"), null);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<Line> ReadUntilAsync(StreamReader events, string text, CancellationToken cancellationToken)
    {
        while (await events.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal)
                && JsonSerializer.Deserialize<Line>(line["data: ".Length..], ResourceControlTests.Json) is { } entry
                && entry.Text == text)
            {
                return entry;
            }
        }

        throw new InvalidOperationException($"The stream ended before '{text}' came.");
    }

    private sealed record Log(string Resource, int Capacity, List<Line> Lines);

    private sealed record Line(DateTimeOffset Time, string Text, string Stream);
}
