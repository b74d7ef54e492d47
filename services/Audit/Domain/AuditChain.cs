using System.Security.Cryptography;
using System.Text.Json;

namespace PetitionPlatform.Audit.Domain;

/// <summary>
/// The hash chain of the trail. An entry's hash covers every field it holds and the previous entry's hash, so changing
/// any stored value, removing an entry or inserting one breaks the chain at that entry and every verification after.
/// </summary>
public static class AuditChain
{
    /// <summary>What the first entry names as its predecessor.</summary>
    public static readonly byte[] Genesis = new byte[SHA256.HashSizeInBytes];

    /// <summary>Gives a complete entry its hash, which links the next entry to it.</summary>
    public static AuditEntry Seal(AuditEntry entry) => entry with { Hash = HashOf(entry) };

    /// <summary>
    /// SHA-256 of the entry's fields in a fixed order, as a JSON array: unambiguous (strings are quoted and escaped,
    /// absent values are null) and the same on every machine. Instants count whole microseconds, PostgreSQL's precision.
    /// </summary>
    public static byte[] HashOf(AuditEntry entry)
    {
        object?[] fields =
        [
            entry.Sequence,
            entry.EntryId,
            entry.Service,
            entry.Action,
            entry.ClientId,
            entry.OrgId,
            entry.Actor,
            entry.PetitionId,
            entry.CaseId,
            entry.Subject,
            entry.SourceAddress,
            entry.TraceId,
            Microseconds(entry.OccurredAt),
            Microseconds(entry.RecordedAt),
            Convert.ToHexStringLower(entry.PreviousHash),
        ];
        return SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(fields));
    }

    /// <summary>An instant as PostgreSQL keeps it, so that what is hashed before saving is what is read back.</summary>
    public static DateTimeOffset Stored(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);

    private static long Microseconds(DateTimeOffset instant) => (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    /// <summary>Walks the entries in sequence order and stops at the first that does not hold.</summary>
    public static async Task<ChainVerification> VerifyAsync(IAsyncEnumerable<AuditEntry> entriesInOrder, CancellationToken ct)
    {
        var previousHash = Genesis;
        long expectedSequence = 1;
        long verified = 0;
        await foreach (var entry in entriesInOrder.WithCancellation(ct))
        {
            var broken = entry.Sequence != expectedSequence
                ? $"entry {expectedSequence} is missing: the entry after {expectedSequence - 1} is {entry.Sequence}"
                : !entry.PreviousHash.AsSpan().SequenceEqual(previousHash)
                    ? "it does not name the hash of the entry before it"
                    : !entry.Hash.AsSpan().SequenceEqual(HashOf(entry))
                        ? "its contents do not match its hash"
                        : null;
            if (broken is not null)
            {
                return new ChainVerification(verified, new BrokenLink(entry.Sequence, entry.EntryId, broken), null);
            }

            previousHash = entry.Hash;
            expectedSequence++;
            verified++;
        }

        return new ChainVerification(verified, null, verified == 0 ? null : Convert.ToHexStringLower(previousHash));
    }
}

/// <summary>
/// The outcome of a verification: how many entries hold from the start, the first that does not, and the hash of the
/// last entry when all hold (kept outside the platform, it also shows later that no entry was cut off the end).
/// </summary>
public sealed record ChainVerification(long VerifiedEntries, BrokenLink? FirstBrokenLink, string? HeadHash)
{
    public bool Intact => FirstBrokenLink is null;
}

public sealed record BrokenLink(long Sequence, Guid EntryId, string Reason);
