using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PetitionPlatform.Data;

/// <summary>
/// Npgsql writes <c>timestamptz</c> only from UTC values, while due dates come from the statutory calendar in China
/// Standard Time and events carry the offset they were made with. The instant is the same; every service database
/// converts on the way in, so no caller has to remember. Raw SQL bypasses the model and converts for itself.
/// </summary>
internal sealed class UtcInstants(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    private static readonly ValueConverter<DateTimeOffset, DateTimeOffset> s_toUtc = new(v => v.ToUniversalTime(), v => v);

    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        var instants = modelBuilder.Model.GetEntityTypes()
            .SelectMany(type => type.GetProperties())
            .Where(property => Nullable.GetUnderlyingType(property.ClrType) == typeof(DateTimeOffset) || property.ClrType == typeof(DateTimeOffset));
        foreach (var property in instants)
        {
            property.SetValueConverter(s_toUtc);
        }
    }
}
