using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PetitionPlatform.Audit.Data;
using PetitionPlatform.Audit.Domain;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.IntegrationTests.Telemetry;
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

    /// <summary>
    /// Another instance is in the middle of an append: it holds the head and has inserted its entry, not yet committed.
    /// The service's append waits for it and then follows that entry, without a statement failing on a taken sequence
    /// and being retried.
    /// </summary>
    [Fact]
    public async Task An_append_waits_for_one_in_progress_elsewhere_and_follows_its_entry()
    {
        using var spans = new SpanRecorder();
        var petitionId = Guid.NewGuid();
        await using var elsewhere = _audit.Services.CreateAsyncScope();
        var other = elsewhere.ServiceProvider.GetRequiredService<AuditDbContext>();
        await using (var transaction = await other.Database.BeginTransactionAsync())
        {
            var head = (await other.Database.SqlQuery<long>($"SELECT sequence AS \"Value\" FROM audit_chain_head FOR UPDATE").ToListAsync()).Single();
            Assert.Equal(0, head);
            other.Entries.Add(AuditChain.Seal(new AuditEntry
            {
                Sequence = 1,
                EntryId = Guid.NewGuid(),
                Service = "handling",
                Action = AuditActions.CaseAccepted,
                PetitionId = petitionId,
                OccurredAt = AuditChain.Stored(s_occurredAt),
                RecordedAt = AuditChain.Stored(s_occurredAt),
                PreviousHash = AuditChain.Genesis,
            }));
            await other.SaveChangesAsync();

            await SendAsync(AuditActions.FindingsAdded, petitionId, "130724/hrss");
            await Eventually.HoldsAsync(WaitingOnLocksAsync, waiting => waiting == 1, because: "the service's append waits for the one in progress");
            await transaction.CommitAsync();
        }

        var entries = await Eventually.HoldsAsync(() => _audit.EntriesAsync($"petitionId={petitionId}"), e => e.Count == 2, because: "the service's entry is appended");
        Assert.Equal([1L, 2L], entries.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal(AuditActions.FindingsAdded, entries[1].GetProperty("action").GetString());
        Assert.Equal(entries[0].GetProperty("hash").GetString(), entries[1].GetProperty("previousHash").GetString());
        Assert.True((await _audit.VerificationAsync()).GetProperty("intact").GetBoolean());
        Assert.Empty(spans.All.Where(span => span.Source.Name == "Npgsql" && span.Status == ActivityStatusCode.Error).Select(span => span.StatusDescription));
    }

    [Fact]
    public async Task The_same_entry_sent_again_under_another_message_id_is_appended_once()
    {
        using var spans = new SpanRecorder();
        var petitionId = Guid.NewGuid();
        var entry = Entry(AuditActions.CaseAccepted, petitionId, "130724/hrss");
        await SendAsync(entry);
        await Eventually.HoldsAsync(() => _audit.EntriesAsync($"petitionId={petitionId}"), e => e.Count == 1, because: "the entry is appended");

        await SendAsync(entry);
        // A later entry about the same petition, sent after the copy: once it is in, the copy has been consumed.
        await SendAsync(AuditActions.FindingsAdded, petitionId, "130724/hrss");

        var entries = await Eventually.HoldsAsync(() => _audit.EntriesAsync($"petitionId={petitionId}"),
            e => e.Any(x => x.GetProperty("action").GetString() == AuditActions.FindingsAdded), because: "the later entry is appended");
        Assert.Equal([AuditActions.CaseAccepted, AuditActions.FindingsAdded], entries.Select(e => e.GetProperty("action").GetString()));
        // The copy was recognised, not refused by the entry's unique id and retried into the error queue.
        Assert.Empty(spans.All.Where(span => span.Source.Name == "Npgsql" && span.Status == ActivityStatusCode.Error).Select(span => span.StatusDescription));
    }

    [Fact]
    public async Task An_entry_that_does_not_follow_the_head_of_the_chain_is_refused()
    {
        var petitionId = Guid.NewGuid();
        await SendAsync(AuditActions.CaseAccepted, petitionId, "130724/hrss");
        var head = (await Eventually.HoldsAsync(() => _audit.EntriesAsync($"petitionId={petitionId}"), e => e.Count == 1, because: "the entry is appended"))[0];

        var sequence = head.GetProperty("sequence").GetInt64() + 2;
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync($"""
            INSERT INTO audit_entries (sequence, entry_id, service, action, occurred_at, recorded_at, previous_hash, hash)
            VALUES ({sequence}, gen_random_uuid(), 'handling', 'case.accepted', now(), now(), '\x00', '\x00')
            """));

        Assert.Contains("does not follow the head", refused.MessageText, StringComparison.Ordinal);
        Assert.True((await _audit.VerificationAsync()).GetProperty("intact").GetBoolean());
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

    private static AuditRecorded Entry(string action, Guid petitionId, string client) =>
        new(Guid.NewGuid(), "handling", action, client, client, null, petitionId, Guid.NewGuid(), null, "10.0.0.7", null, s_occurredAt);

    private Task SendAsync(string action, Guid petitionId, string client) => SendAsync(Entry(action, petitionId, client));

    /// <summary>An entry as a service sends one: through an outbox and the broker (here the audit service's own outbox).</summary>
    private async Task SendAsync(AuditRecorded entry)
    {
        await using var scope = _audit.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        db.AddToOutbox(entry, TimeProvider.System);
        await db.SaveChangesAsync();
    }

    private Task<long> WaitingOnLocksAsync() => _audit.InDatabaseAsync(async db => (await db.Database.SqlQuery<long>(
        $"SELECT count(*) AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").ToListAsync()).Single());

    private Task<int> ExecuteAsync(string sql) => _audit.InDatabaseAsync(db => db.Database.ExecuteSqlRawAsync(sql));
}
