using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PetitionPlatform.Audit.Data;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Audit;

/// <summary>
/// The trail itself (ACCESS.md rule 5): entries sent at once still form one chain; rows cannot be changed through the
/// database's front door, and one changed behind it is named by the verification; only auditors read any of it.
/// </summary>
[Collection("infrastructure")]
public sealed class AuditServiceTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private static readonly DateTimeOffset s_occurredAt = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));

    private ServiceFactory<AuditDbContext> _audit = null!;

    public async Task InitializeAsync() =>
        _audit = await AuditHost.StartAsync(infrastructure, await infrastructure.CreateVirtualHostAsync("audit"));

    public async Task DisposeAsync() => await _audit.DisposeAsync();

    [Fact]
    public async Task Entries_sent_together_take_their_turn_and_form_one_unbroken_chain()
    {
        var petitionId = Guid.NewGuid();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => SendAsync(AuditActions.FindingsAdded, petitionId, $"130724/unit-{i}")));

        var entries = await Eventually.HoldsAsync(() => _audit.EntriesAsync($"petitionId={petitionId}&limit=1000"), e => e.Count == 40,
            because: "every entry is appended");
        var verification = await _audit.VerificationAsync();

        Assert.Equal(Enumerable.Range(1, 40), entries.Select(e => (int)e.GetProperty("sequence").GetInt64()));
        Assert.True(verification.GetProperty("intact").GetBoolean());
        Assert.Equal(40, verification.GetProperty("verifiedEntries").GetInt64());
        Assert.Equal(entries[^1].GetProperty("hash").GetString(), verification.GetProperty("headHash").GetString());
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1].GetProperty("hash").GetString(), entries[i].GetProperty("previousHash").GetString());
        }
    }

    [Fact]
    public async Task A_row_changed_directly_in_the_database_is_named_as_the_first_broken_link()
    {
        var petitionId = Guid.NewGuid();
        foreach (var unit in new[] { "130724/hrss", "130724/housing", "130724/justice", "130724/health" })
        {
            await SendAsync(AuditActions.CaseAccepted, petitionId, unit);
        }

        await Eventually.HoldsAsync(() => _audit.EntriesAsync($"petitionId={petitionId}"), e => e.Count == 4, because: "the entries are appended");
        Assert.True((await _audit.VerificationAsync()).GetProperty("intact").GetBoolean());

        // Through the front door the trail refuses any change, the service's own database user included.
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("UPDATE audit_entries SET client_id = 'someone-else' WHERE sequence = 3"));
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("DELETE FROM audit_entries WHERE sequence = 4"));

        // Someone who can switch the guard off changes the third entry's client.
        await ExecuteAsync("""
            ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only;
            UPDATE audit_entries SET client_id = '130724/someone-else' WHERE sequence = 3;
            ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only;
            """);

        var verification = await _audit.VerificationAsync();
        Assert.False(verification.GetProperty("intact").GetBoolean());
        Assert.Equal(2, verification.GetProperty("verifiedEntries").GetInt64());
        var broken = verification.GetProperty("firstBrokenLink");
        Assert.Equal(3, broken.GetProperty("sequence").GetInt64());
        Assert.Equal("its contents do not match its hash", broken.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("operator", HttpStatusCode.Forbidden)]
    [InlineData("130000/petition-bureau", HttpStatusCode.Forbidden)]
    [InlineData("130724/discipline", HttpStatusCode.Forbidden)]
    [InlineData("auditor", HttpStatusCode.OK)]
    public async Task Only_auditors_read_or_verify_the_trail(string? client, HttpStatusCode expected)
    {
        var http = client is null ? _audit.CreateClient() : _audit.As(client);

        Assert.Equal(expected, (await http.GetAsync("/api/audit/entries")).StatusCode);
        Assert.Equal(expected, (await http.GetAsync("/api/audit/verification")).StatusCode);
    }

    [Fact]
    public async Task A_malformed_filter_is_a_problem_naming_it()
    {
        using var response = await _audit.As("auditor").GetAsync("/api/audit/entries?petitionId=42&limit=5000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["limit", "petitionId"], errors.EnumerateObject().Select(e => e.Name).Order());
    }

    /// <summary>An entry as a service sends one: through an outbox and the broker (here the audit service's own outbox).</summary>
    private async Task SendAsync(string action, Guid petitionId, string client)
    {
        await using var scope = _audit.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        db.AddToOutbox(new AuditRecorded(Guid.NewGuid(), "handling", action, client, client, null, petitionId, Guid.NewGuid(), null,
            "10.0.0.7", null, s_occurredAt), TimeProvider.System);
        await db.SaveChangesAsync();
    }

    private Task<int> ExecuteAsync(string sql) => _audit.InDatabaseAsync(db => db.Database.ExecuteSqlRawAsync(sql));
}
