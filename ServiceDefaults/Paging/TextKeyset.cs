using System.Linq.Expressions;
using System.Reflection;

namespace PetitionPlatform.ServiceDefaults.Paging;

/// <summary>
/// The order of a list of reference data, declared once: one text key, unique in the list (a region's code, a unit's
/// short name in its region, a client's id), ascending. From it come both the query of a page (the rows whose key is
/// strictly after the cursor's, in that order, one more than the page holds) and the cursor of a page's last item, as
/// <see cref="Keyset{T}"/> does for lists of things that happen.
/// </summary>
public sealed class TextKeyset<T>(Expression<Func<T, string>> key)
{
    private static readonly MethodInfo s_compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private readonly Func<T, string> _keyOf = key.Compile();

    /// <summary>The cursor that points just past <paramref name="item"/>.</summary>
    public PageCursor KeyOf(T item) => PageCursor.OfKey(_keyOf(item));

    /// <summary>The rows of the page asked for, in the list's order: <see cref="PageRequest.ReadLimit"/> of them at most.</summary>
    public IQueryable<T> Read(IQueryable<T> items, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(page);
        if (page.After is { } after)
        {
            items = items.Where(StrictlyAfter(after));
        }

        return items.OrderBy(key).Take(page.ReadLimit);
    }

    /// <summary>
    /// <c>string.Compare(key, cursor) &gt; 0</c>, which the database reads as <c>key &gt; @cursor</c>: the same collation
    /// as the ORDER BY, so the filter and the order agree. The cursor's key is read from an object, a parameter.
    /// </summary>
    private Expression<Func<T, bool>> StrictlyAfter(PageCursor after) => Expression.Lambda<Func<T, bool>>(
        Expression.GreaterThan(
            Expression.Call(s_compare, key.Body, Expression.Property(Expression.Constant(after), nameof(PageCursor.Key))),
            Expression.Constant(0)),
        key.Parameters);
}
