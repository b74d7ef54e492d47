using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Audit.Data;
using PetitionPlatform.IntegrationTests.Access;
using PetitionPlatform.IntegrationTests.Audit;
using PetitionPlatform.IntegrationTests.Identity;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.TestSupport;
using Xunit.Abstractions;

namespace PetitionPlatform.IntegrationTests.Fuzz;

/// <summary>
/// Issue 13, item 1: every endpoint of the matrix answers hostile input with a 4xx problem, never a 5xx or a dropped
/// connection. Sends <see cref="FuzzSettings.Requests"/> generated requests (10,000 unless told otherwise) over every row,
/// a few at a time, and reports each that failed with enough to send it again. The operators' rows go to a token
/// service of this test's own, so that its hundreds of key rotations and clients do not reach the run's shared one.
/// </summary>
[Collection("infrastructure")]
public sealed class FuzzTests(SharedInfrastructure infrastructure, ITestOutputHelper output) : IAsyncLifetime
{
    private const int InParallel = 4;
    private const int FailuresShown = 40;

    private ServiceSet _services = null!;
    private ServiceFactory<AuditDbContext> _audit = null!;
    private TokenService _identity = null!;

    public async Task InitializeAsync()
    {
        await SharedTokens.StartAsync(infrastructure);
        _services = await ServiceSet.StartAsync(infrastructure);
        _audit = await AuditHost.StartAsync(infrastructure, _services.Messaging);
        _identity = await TokenService.StartAsync(infrastructure);
    }

    public async Task DisposeAsync()
    {
        await _identity.DisposeAsync();
        await _audit.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Generated_requests_to_every_endpoint_get_no_5xx_and_no_dropped_connection()
    {
        var seed = FuzzSettings.Seed;
        var count = FuzzSettings.Requests;
        output.WriteLine($"Fuzz seed {seed}, {count} requests over {AuthorizationMatrix.Rows.Count} rows (another seed: eng/fuzz.sh --seed N).");
        var requests = RequestGenerator.Generate(seed, count, AuthorizationMatrix.Rows, await PetitionAsync());
        var clients = new Dictionary<(string, MatrixCaller), HttpClient>();
        foreach (var (service, caller) in requests.Select(r => (r.Row.Service, r.Caller)).Distinct())
        {
            clients[(service, caller)] = await ClientAsync(service, caller);
        }

        var failures = new ConcurrentBag<(int Index, string What)>();
        var statuses = new ConcurrentDictionary<int, int>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = InParallel }, async (request, ct) =>
        {
            var (status, failure) = await FuzzAnswers.CheckAsync(clients[(request.Row.Service, request.Caller)], request, ct);
            statuses.AddOrUpdate(status ?? 0, 1, (_, n) => n + 1);
            if (failure is not null)
            {
                failures.Add((request.Index, failure));
            }
        });

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        output.WriteLine("Answers: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "none" : s.Key)} × {s.Value}")));
        var shown = failures.OrderBy(f => f.Index).Take(FailuresShown).Select(f => f.What).ToList();
        foreach (var failure in shown)
        {
            output.WriteLine(failure);
        }

        Assert.True(failures.IsEmpty,
            $"Seed {seed}: {failures.Count} of {count} requests failed (PETITION_FUZZ_SEED={seed} eng/fuzz.sh repeats them); the first:\n"
            + string.Join("\n", shown));
        // A fuzz that never got past authorisation or routing would pass without testing any parsing: most requests
        // come from allowed callers with one thing wrong, so most must be judged on their content (400, 409, 2xx).
        var judged = statuses.Where(s => s.Key is >= 200 and < 300 or 400 or 409 or 422).Sum(s => s.Value);
        Assert.True(judged >= count / 3, $"Only {judged} of {count} requests were judged on their content; the fuzz is not reaching the endpoints.");
    }

    private async Task<HttpClient> ClientAsync(string service, MatrixCaller caller)
    {
        if (service == "identity")
        {
            var client = _identity.Identity.CreateClient();
            if (caller.HasToken)
            {
                client.DefaultRequestHeaders.Authorization = new("Bearer", await _identity.TokenForAsync(caller.ClientId!));
            }

            return client;
        }

        return service switch
        {
            "intake" => Of(_services.Intake),
            "routing" => Of(_services.Routing),
            "handling" => Of(_services.Handling),
            "supervision" => Of(_services.Supervision),
            "notification" => Of(_services.Notification),
            "audit" => Of(_audit),
            _ => throw new InvalidOperationException($"The fuzz has no host for the matrix's service '{service}'."),
        };

        HttpClient Of<TContext>(ServiceFactory<TContext> factory) where TContext : DbContext =>
            caller.HasToken ? factory.As(caller.ClientId!) : factory.CreateClient();
    }

    /// <summary>The matrix's petition (the Guyuan case, opened at Guyuan's labour bureau) and a client for the operators' rows.</summary>
    private async Task<MatrixPetition> PetitionAsync()
    {
        using var registered = await _services.Intake.As(MatrixCallers.Registrar.ClientId!).RegisterAsync(SamplePetitions.GuyuanWageArrears());
        var answer = await registered.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var petitionId = answer.GetProperty("petitionId").GetString()!;
        var cases = await Eventually.HoldsAsync(
            async () => await _services.Handling.As(MatrixCallers.Lead.ClientId!).GetAsync($"/api/handling/petitions/{petitionId}/cases") is { IsSuccessStatusCode: true } ok
                ? await ok.Content.ReadFromJsonAsync<JsonElement>()
                : default,
            c => c.ValueKind == JsonValueKind.Array && c.GetArrayLength() == 1, because: "the case opens at the unit");

        var subject = $"fuzz-{Guid.NewGuid():N}";
        using var operators = _identity.Identity.CreateClient();
        operators.DefaultRequestHeaders.Authorization = new("Bearer", await _identity.TokenForAsync(MatrixCallers.Operator.ClientId!));
        using var created = await operators.PostAsJsonAsync("/api/identity/clients", new { clientId = subject, orgId = "130724/health", roles = new[] { "unit" } });
        created.EnsureSuccessStatusCode();
        return new MatrixPetition(petitionId, cases[0].GetProperty("caseId").GetString()!, answer.GetProperty("trackingCode").GetString()!, subject);
    }
}
