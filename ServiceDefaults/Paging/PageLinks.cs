namespace PetitionPlatform.ServiceDefaults.Paging;

/// <summary>Reads what <see cref="PageRequest"/> writes: the next page of a list, named by its <c>Link: &lt;…&gt;; rel="next"</c>.</summary>
public static class PageLinks
{
    /// <summary>The target of the response's <c>rel="next"</c> link (relative to the request), or null on the last page.</summary>
    public static string? NextOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        var next = links.SelectMany(l => l.Split(',')).Select(l => l.Trim()).SingleOrDefault(l => l.EndsWith("rel=\"next\"", StringComparison.Ordinal));
        return next is null ? null : next[1..next.IndexOf('>', StringComparison.Ordinal)];
    }
}
