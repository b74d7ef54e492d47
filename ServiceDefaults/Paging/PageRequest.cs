using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace PetitionPlatform.ServiceDefaults.Paging;

/// <summary>
/// One page of a list endpoint (issue #14: no request reads a whole table), asked for with <c>?limit=</c> and
/// <c>?after=</c>. The list itself stays the JSON array API.md names; when more items follow, the answer carries
/// <c>Link: &lt;…&gt;; rel="next"</c> (RFC 8288), the same request with <c>after</c> set, so a client that never pages
/// reads the first <see cref="DefaultLimit"/> items and one that follows the link reads them all. See
/// docs/decisions.md, "Lists are paged".
/// </summary>
public sealed record PageRequest(int Limit, PageCursor? After)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;
    public const string LimitParameter = "limit";
    public const string AfterParameter = "after";

    /// <summary>The page asked for, or null with what is wrong added to <paramref name="errors"/> by parameter.</summary>
    public static PageRequest? Parse(string? limit, string? after, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var size = DefaultLimit;
        if (limit is not null
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            errors[LimitParameter] = [$"The page size is a whole number from 1 to {MaxLimit} (default {DefaultLimit})."];
        }

        PageCursor? cursor = null;
        if (after is not null && (cursor = PageCursor.Decode(after)) is null)
        {
            errors[AfterParameter] = ["Not a cursor of this list: pass the 'after' of the Link header's next page unchanged."];
        }

        return errors.ContainsKey(LimitParameter) || errors.ContainsKey(AfterParameter) ? null : new PageRequest(size, cursor);
    }

    /// <summary>How many items to read: one more than the page holds, to learn whether another page follows.</summary>
    public int ReadLimit => Limit + 1;

    /// <summary>
    /// The page out of the items read (at most <see cref="ReadLimit"/>, in the list's order); when there were more, sets
    /// the Link header to the next page, which starts after the key of the page's last item.
    /// </summary>
    public List<T> Page<T>(IReadOnlyList<T> read, Func<T, PageCursor> keyOf, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentNullException.ThrowIfNull(http);
        var page = read.Take(Limit).ToList();
        if (read.Count > Limit)
        {
            http.Response.Headers.Append("Link", $"<{NextPage(http.Request, keyOf(page[^1]))}>; rel=\"next\"");
        }

        return page;
    }

    /// <summary>
    /// The request's own path and query with <c>after</c> and <c>limit</c> set: a reference relative to the request, so
    /// it holds through the gateway, which forwards the public paths unchanged.
    /// </summary>
    private string NextPage(HttpRequest request, PageCursor last)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => p.Key is not (AfterParameter or LimitParameter))
            .SelectMany(p => p.Value.Select(value => new KeyValuePair<string, string>(p.Key, value ?? "")))
            .Append(new(LimitParameter, Limit.ToString(CultureInfo.InvariantCulture)))
            .Append(new(AfterParameter, last.Encode()));
        return request.PathBase.Add(request.Path) + new QueryBuilder(query).ToQueryString().Value;
    }
}
