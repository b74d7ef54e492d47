using PetitionPlatform.Audit.Domain;

namespace PetitionPlatform.UnitTests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset s_at = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_chain_built_link_by_link_verifies_and_gives_its_head()
    {
        var chain = Chain(3);

        var verification = Verify(chain);

        Assert.True(verification.Intact);
        Assert.Equal(3, verification.VerifiedEntries);
        Assert.Equal(Convert.ToHexStringLower(chain[^1].Hash), verification.HeadHash);
    }

    [Fact]
    public void An_empty_trail_is_intact_with_no_head()
    {
        var verification = Verify([]);

        Assert.True(verification.Intact);
        Assert.Null(verification.HeadHash);
    }

    [Theory]
    [InlineData("client")]
    [InlineData("petition")]
    [InlineData("occurred")]
    [InlineData("action")]
    public void Changing_any_field_of_an_entry_breaks_the_chain_at_that_entry(string field)
    {
        var chain = Chain(4);
        var original = chain[2];
        chain[2] = field switch
        {
            "client" => original with { ClientId = "130724/hrss" },
            "petition" => original with { PetitionId = Guid.NewGuid() },
            "occurred" => original with { OccurredAt = original.OccurredAt.AddSeconds(1) },
            _ => original with { Action = "case.answered" },
        };

        var verification = Verify(chain);

        Assert.False(verification.Intact);
        Assert.Equal(3, verification.FirstBrokenLink!.Sequence);
        Assert.Equal(2, verification.VerifiedEntries);
        Assert.Equal("its contents do not match its hash", verification.FirstBrokenLink.Reason);
    }

    [Fact]
    public void A_removed_entry_is_named_by_the_entry_after_the_gap()
    {
        var chain = Chain(4);
        chain.RemoveAt(1);

        var broken = Verify(chain).FirstBrokenLink!;

        Assert.Equal(3, broken.Sequence);
        Assert.Contains("entry 2 is missing", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_rewritten_with_a_fresh_hash_still_breaks_the_link_to_the_next()
    {
        var chain = Chain(3);
        // Whoever changes an entry and recomputes its hash leaves the next entry naming the old hash.
        chain[1] = AuditChain.Seal(chain[1] with { ClientId = "someone-else" });

        var broken = Verify(chain).FirstBrokenLink!;

        Assert.Equal(3, broken.Sequence);
        Assert.Equal("it does not name the hash of the entry before it", broken.Reason);
    }

    [Fact]
    public void The_hash_counts_whole_microseconds_as_postgresql_keeps_them()
    {
        var entry = Chain(1)[0];
        var sameInstantAsStored = entry with { OccurredAt = AuditChain.Stored(entry.OccurredAt.AddTicks(7)) };

        Assert.Equal(AuditChain.HashOf(entry), AuditChain.HashOf(sameInstantAsStored));
        Assert.Equal(0, AuditChain.Stored(s_at.AddTicks(12345)).UtcTicks % TimeSpan.TicksPerMicrosecond);
    }

    private static ChainVerification Verify(IEnumerable<AuditEntry> entries) =>
        AuditChain.VerifyAsync(entries.ToAsyncEnumerable(), CancellationToken.None).GetAwaiter().GetResult();

    private static List<AuditEntry> Chain(int length)
    {
        var chain = new List<AuditEntry>();
        for (var sequence = 1; sequence <= length; sequence++)
        {
            chain.Add(AuditChain.Seal(new AuditEntry
            {
                Sequence = sequence,
                EntryId = Guid.NewGuid(),
                Service = "handling",
                Action = "case.accepted",
                ClientId = "130724/housing",
                OrgId = "130724/housing",
                PetitionId = Guid.NewGuid(),
                CaseId = Guid.NewGuid(),
                SourceAddress = "10.0.0.7",
                TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
                OccurredAt = AuditChain.Stored(s_at.AddMinutes(sequence)),
                RecordedAt = AuditChain.Stored(s_at.AddMinutes(sequence).AddSeconds(1)),
                PreviousHash = chain.Count == 0 ? AuditChain.Genesis : chain[^1].Hash,
            }));
        }

        return chain;
    }
}
