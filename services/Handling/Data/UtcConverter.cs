using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PetitionPlatform.Handling.Data;

/// <summary>
/// Npgsql writes <c>timestamptz</c> only from UTC values, while due dates come from the statutory calendar in China
/// Standard Time. The instant is the same; this converts on the way in so no caller has to remember.
/// </summary>
internal sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
