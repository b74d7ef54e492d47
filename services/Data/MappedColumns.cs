using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PetitionPlatform.Data;

/// <summary>
/// The start of a raw read of an entity's table (<c>SELECT "a", "b" FROM "t"</c>) naming the columns the model maps,
/// for the locking reads EF Core cannot write (<c>FOR UPDATE SKIP LOCKED</c>). Not <c>SELECT *</c>: services keep
/// their repeated statements prepared on the server (decision 57), and a prepared <c>SELECT *</c> fails once with
/// <c>0A000 cached plan must not change result type</c> after a migration adds a column to its table — during a
/// rolling upgrade that is an operator's request answered with an error. Named columns keep the result's shape.
/// </summary>
public static class MappedColumns
{
    // The model is built once per context type and lives as long as the process, so its entity types are stable keys.
    // Each select is kept as a composite format (braces escaped), ready to take the rest's placeholders.
    private static readonly ConcurrentDictionary<IEntityType, string> s_selects = new();

    /// <summary>
    /// <c>SELECT</c> the mapped columns <c>FROM</c> the entity's table, then <paramref name="rest"/> (<c>WHERE … FOR
    /// UPDATE</c>), whose values stay parameters as in <c>FromSql</c>.
    /// </summary>
    public static IQueryable<TEntity> SelectMapped<TEntity>(this DbContext db, FormattableString rest) where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rest);
        var entity = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not an entity of {db.GetType().Name}.");
        // The select is made of the model's names, never of input.
        return db.Set<TEntity>().FromSql(FormattableStringFactory.Create($"{s_selects.GetOrAdd(entity, Select)} {rest.Format}", rest.GetArguments()));
    }

    private static string Select(IEntityType entity)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => Quoted(p.GetColumnName(table)!));
        var from = entity.GetSchema() is { } schema ? $"{Quoted(schema)}.{Quoted(table.Name)}" : Quoted(table.Name);
        return $"SELECT {string.Join(", ", columns)} FROM {from}".Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
    }

    private static string Quoted(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
