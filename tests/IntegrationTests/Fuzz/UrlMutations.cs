namespace PetitionPlatform.IntegrationTests.Fuzz;

/// <summary>
/// Mutations of a valid request's path and query string: a segment replaced or a new one inserted, a query value
/// replaced, a parameter added or repeated, and odd shapes (empty segments, a trailing slash, a bare <c>?</c>).
/// Returns the mutated path and query and a name for the mutation, for the report.
/// </summary>
public static class UrlMutations
{
    public static (string PathAndQuery, string Mutation) Mutate(Random random, string pathAndQuery, IReadOnlyList<string> queryNames)
    {
        var mark = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = mark < 0 ? pathAndQuery : pathAndQuery[..mark];
        var query = mark < 0 ? "" : pathAndQuery[(mark + 1)..];
        var segments = path.Split('/').ToList();
        var parameters = query.Length == 0 ? [] : query.Split('&').ToList();

        switch (random.Next(6))
        {
            case 0:
            case 1:
                {
                    // The last segments are the ids and codes the endpoint parses; the first ones only choose the route.
                    var index = Math.Max(1, segments.Count - 1 - random.Next(Math.Min(3, segments.Count - 1)));
                    segments[index] = HostileValues.UrlValue(random);
                    return (Join(segments, parameters), $"path segment {index} replaced");
                }

            case 2:
                {
                    var index = random.Next(1, segments.Count + 1);
                    segments.Insert(index, HostileValues.UrlValue(random));
                    return (Join(segments, parameters), $"path segment inserted at {index}");
                }

            case 3 when parameters.Count > 0:
                {
                    var index = random.Next(parameters.Count);
                    var name = parameters[index].Split('=')[0];
                    parameters[index] = $"{name}={HostileValues.UrlValue(random)}";
                    return (Join(segments, parameters), $"query value of {name} replaced");
                }

            case 3:
            case 4:
                {
                    var name = HostileValues.QueryName(random, queryNames);
                    parameters.Insert(random.Next(parameters.Count + 1), random.Next(8) == 0 ? name : $"{name}={HostileValues.UrlValue(random)}");
                    return (Join(segments, parameters), $"query parameter {name} added");
                }

            default:
                var tail = query.Length > 0 ? "?" + query : "";
                return random.Next(5) switch
                {
                    0 => (path + "/" + tail, "trailing slash"),
                    1 => (path.Replace("/", "//", StringComparison.Ordinal) + tail, "empty segments"),
                    2 => (path + "?" + string.Join("&&", parameters) + "&=&", "empty query parameters"),
                    3 => (path + ";" + HostileValues.UrlValue(random) + tail, "matrix parameter"),
                    _ => (path + "?", "bare question mark"),
                };
        }
    }

    /// <summary>The parameter names of a path and query, for mutations that repeat or mistype a real one.</summary>
    public static IEnumerable<string> QueryNamesOf(string pathAndQuery)
    {
        var mark = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return mark < 0 ? [] : pathAndQuery[(mark + 1)..].Split('&').Select(p => p.Split('=')[0]);
    }

    private static string Join(List<string> segments, List<string> parameters) =>
        string.Join('/', segments) is var path && parameters.Count > 0 ? $"{path}?{string.Join('&', parameters)}" : path;
}
