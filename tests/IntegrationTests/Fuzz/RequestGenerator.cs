using System.Text.Json;
using PetitionPlatform.IntegrationTests.Access;

namespace PetitionPlatform.IntegrationTests.Fuzz;

/// <summary>
/// Hostile requests made from the authorisation matrix's valid ones (<see cref="AuthorizationMatrix.Rows"/>, so an
/// endpoint added to the matrix is fuzzed too): rows in turn, each request from a caller the row allows (the mutation
/// must get past authorisation to reach the parsing) or, one in <see cref="NoTokenShare"/>, from no token at all, with
/// its path or query mutated, its body mutated, or both, and one in ten with a hostile header. Everything random comes from one <see cref="Random"/> of the
/// seed, in a fixed order: the same seed gives the same requests.
/// </summary>
public static class RequestGenerator
{
    public const int NoTokenShare = 10;

    public static IReadOnlyList<FuzzRequest> Generate(int seed, int count, IReadOnlyList<MatrixRow> rows, MatrixPetition petition)
    {
        var random = new Random(seed);
        var queryNames = rows.SelectMany(row => UrlMutations.QueryNamesOf(row.Path(petition, MatrixCallers.Anonymous))).Distinct().ToList();
        var requests = new List<FuzzRequest>(count);
        for (var index = 0; index < count; index++)
        {
            var row = rows[index % rows.Count];
            var caller = CallerFor(random, row);
            var pathAndQuery = row.Path(petition, caller);
            var valid = row.Body is { } body ? JsonSerializer.SerializeToNode(body(petition, caller), JsonSerializerOptions.Web) : null;
            byte[]? content = valid is null ? null : JsonSerializer.SerializeToUtf8Bytes(valid);
            var contentType = valid is null ? null : BodyMutations.Json;

            // A body is mutated where the endpoint reads one (or might: any POST); a path or query everywhere.
            var takesBody = valid is not null || row.Method == "POST";
            var choice = random.Next(20);
            var mutations = new List<string>();
            if (!takesBody || choice < 7 || choice >= 17)
            {
                (pathAndQuery, var mutation) = UrlMutations.Mutate(random, pathAndQuery, queryNames);
                mutations.Add(mutation);
            }

            if (takesBody && choice >= 7)
            {
                (content, contentType, var mutation) = BodyMutations.Mutate(random, valid);
                mutations.Add(mutation);
            }

            // One in ten also carries a hostile header; a hostile Authorization goes instead of the caller's token.
            (string Name, string Value)? header = null;
            if (random.Next(10) == 0)
            {
                var (name, value, mutation) = HeaderMutations.Mutate(random);
                header = (name, value);
                caller = name == HeaderMutations.Authorization ? MatrixCallers.Anonymous : caller;
                mutations.Add(mutation);
            }

            requests.Add(new FuzzRequest(index, row, caller, string.Join("; ", mutations), pathAndQuery, contentType, content, header));
        }

        return requests;
    }

    /// <summary>A client the row allows, or no token (which is also what the matrix sends for the petitioner's rows).</summary>
    private static MatrixCaller CallerFor(Random random, MatrixRow row)
    {
        var allowed = MatrixCallers.All.Where(c => c.HasToken && row.Rule.For(c) == Outcome.Allowed).ToList();
        return allowed.Count == 0 || random.Next(NoTokenShare) == 0 ? MatrixCallers.Anonymous : allowed[random.Next(allowed.Count)];
    }
}
