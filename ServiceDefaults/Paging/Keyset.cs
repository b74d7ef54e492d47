using System.Linq.Expressions;

namespace PetitionPlatform.ServiceDefaults.Paging;

/// <summary>
/// A list's order, declared once: an instant, optionally a small number (a notice's level), then the item's id, all
/// ascending or all descending. From it come both the query of a page (the rows strictly after the cursor, in that
/// order, one more than the page holds) and the cursor of a page's last item, so the filter and the order a page is
/// cut by can never disagree.
/// </summary>
public sealed class Keyset<T>
{
    private readonly Expression<Func<T, DateTimeOffset>> _at;
    private readonly Expression<Func<T, int>>? _rank;
    private readonly Expression<Func<T, Guid>> _id;
    private readonly bool _descending;
    private readonly Func<T, DateTimeOffset> _atOf;
    private readonly Func<T, int>? _rankOf;
    private readonly Func<T, Guid> _idOf;

    internal Keyset(Expression<Func<T, DateTimeOffset>> at, Expression<Func<T, int>>? rank, Expression<Func<T, Guid>> id, bool descending)
    {
        (_at, _rank, _id, _descending) = (at, rank, id, descending);
        (_atOf, _rankOf, _idOf) = (at.Compile(), rank?.Compile(), id.Compile());
    }

    /// <summary>The cursor that points just past <paramref name="item"/>.</summary>
    public PageCursor KeyOf(T item) => PageCursor.Of(_atOf(item), _idOf(item), _rankOf?.Invoke(item) ?? 0);

    /// <summary>The rows of the page asked for, in the list's order: <see cref="PageRequest.ReadLimit"/> of them at most.</summary>
    public IQueryable<T> Read(IQueryable<T> items, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(page);
        if (page.After is { } after)
        {
            items = items.Where(StrictlyAfter(after));
        }

        var ordered = _descending ? items.OrderByDescending(_at) : items.OrderBy(_at);
        if (_rank is not null)
        {
            ordered = _descending ? ordered.ThenByDescending(_rank) : ordered.ThenBy(_rank);
        }

        return (_descending ? ordered.ThenByDescending(_id) : ordered.ThenBy(_id)).Take(page.ReadLimit);
    }

    /// <summary>
    /// at beyond the cursor's, or equal and (rank beyond, or equal and id beyond): "beyond" is later when ascending and
    /// earlier when descending. The cursor's values are read from an object, so the database sees parameters and keeps
    /// one plan for every page.
    /// </summary>
    private Expression<Func<T, bool>> StrictlyAfter(PageCursor after)
    {
        var item = Expression.Parameter(typeof(T), "item");
        var cursor = Expression.Constant(after);
        Expression Beyond(LambdaExpression key, string field) =>
            _descending
                ? Expression.LessThan(Inline(key, item), Expression.Property(cursor, field))
                : Expression.GreaterThan(Inline(key, item), Expression.Property(cursor, field));
        Expression Same(LambdaExpression key, string field) => Expression.Equal(Inline(key, item), Expression.Property(cursor, field));

        var tail = Beyond(_id, nameof(PageCursor.Id));
        if (_rank is not null)
        {
            tail = Expression.OrElse(Beyond(_rank, nameof(PageCursor.Rank)), Expression.AndAlso(Same(_rank, nameof(PageCursor.Rank)), tail));
        }

        var body = Expression.OrElse(Beyond(_at, nameof(PageCursor.At)), Expression.AndAlso(Same(_at, nameof(PageCursor.At)), tail));
        return Expression.Lambda<Func<T, bool>>(body, item);
    }

    private static Expression Inline(LambdaExpression key, ParameterExpression item) =>
        new Substitution(key.Parameters[0], item).Visit(key.Body);

    private sealed class Substitution(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>The two ways a list is ordered.</summary>
public static class Keyset
{
    /// <summary>Oldest first: by instant, then id.</summary>
    public static Keyset<T> Ascending<T>(Expression<Func<T, DateTimeOffset>> at, Expression<Func<T, Guid>> id) => new(at, null, id, descending: false);

    /// <summary>Newest first: by instant, then rank (higher first), then id.</summary>
    public static Keyset<T> Descending<T>(Expression<Func<T, DateTimeOffset>> at, Expression<Func<T, int>> rank, Expression<Func<T, Guid>> id) =>
        new(at, rank, id, descending: true);
}
