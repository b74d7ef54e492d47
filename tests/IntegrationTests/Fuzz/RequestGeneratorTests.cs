using System.Text;
using System.Text.RegularExpressions;
using PetitionPlatform.IntegrationTests.Access;

namespace PetitionPlatform.IntegrationTests.Fuzz;

/// <summary>The generator itself, without any service: a seed reproduces a run, every row is covered, every request can be sent.</summary>
public sealed class RequestGeneratorTests
{
    private static readonly MatrixPetition s_petition = new(
        "0f8fad5b-d9cb-469f-a165-70867728950e", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "GY2026ABCD", "fuzz-subject");

    [Fact]
    public void The_same_seed_gives_the_same_requests_and_another_seed_others()
    {
        var first = RequestGenerator.Generate(42, 2_000, AuthorizationMatrix.Rows, s_petition).Select(Fingerprint).ToList();
        var again = RequestGenerator.Generate(42, 2_000, AuthorizationMatrix.Rows, s_petition).Select(Fingerprint).ToList();
        var other = RequestGenerator.Generate(43, 2_000, AuthorizationMatrix.Rows, s_petition).Select(Fingerprint).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Every_row_gets_its_share_from_an_allowed_caller_or_no_token_and_every_request_can_be_sent()
    {
        var rows = AuthorizationMatrix.Rows;
        var requests = RequestGenerator.Generate(FuzzSettings.DefaultSeed, FuzzSettings.DefaultRequests, rows, s_petition);

        Assert.All(rows, row => Assert.True(requests.Count(r => r.Row == row) >= FuzzSettings.DefaultRequests / rows.Count, $"{row} is short of requests"));
        Assert.All(requests, r => Assert.True(!r.Caller.HasToken || r.Row.Rule.For(r.Caller) == Outcome.Allowed, $"{r}: a caller the row refuses"));
        Assert.Contains(requests, r => !r.Caller.HasToken && r.Row.Rule.For(MatrixCallers.Anonymous) != Outcome.Allowed);
        Assert.All(requests, r => r.ToMessage().Dispose());
    }

    [Fact]
    public void Bodies_and_paths_are_both_mutated_and_mutations_are_varied()
    {
        var requests = RequestGenerator.Generate(FuzzSettings.DefaultSeed, FuzzSettings.DefaultRequests, AuthorizationMatrix.Rows, s_petition);

        Assert.Contains(requests, r => r.Mutation.Contains("hostile value", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Mutation.Contains("not UTF-8", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Mutation.Contains("duplicate key", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Mutation.Contains("cut after", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Mutation.Contains("path segment", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Mutation.Contains("query", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Header is ("Authorization", _) && !r.Caller.HasToken);
        Assert.Contains(requests, r => r.Header is ("Idempotency-Key", _) && r.Row.Route == "/api/intake/petitions");
        Assert.Contains(requests, r => r.Body is { Length: > 0 } body && body.AsSpan().IndexOf("[[[[[[[[[["u8) >= 0);
        Assert.Contains(requests, r => r.Body is { Length: > 0 } body && body.AsSpan().IndexOf("1e400"u8) >= 0);
    }

    /// <summary>
    /// The request as sent, but for the hex digits of its body: rows of the matrix put fresh ids in their bodies (a new
    /// client's, a message's), not the seed's to decide, and a mutation may cut one anywhere.
    /// </summary>
    private static string Fingerprint(FuzzRequest request) =>
        $"{request.Row} {request.Caller} {request.Mutation} {request.PathAndQuery} {request.Header} {request.ContentType} "
        + Regex.Replace(Encoding.Latin1.GetString(request.Body ?? []), "[0-9a-f]", "0");
}
