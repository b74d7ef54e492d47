using System.Reflection;

namespace PetitionPlatform.Data;

/// <summary>
/// Scripts for a service's database: the SQL files embedded under <c>Data/Migrations</c> of an assembly, recorded as
/// <c>&lt;scope&gt;/&lt;file&gt;</c> once applied (<c>service/0001_initial</c>, <c>platform/0001_messaging</c>).
/// </summary>
public sealed record MigrationSource(string Scope, Assembly Assembly);

/// <summary>
/// The service's database: its connection string's name, for the messages that ask to fix it, and the connection string
/// itself, which the migrations connect with (the context's own no longer carries the password: it comes from a data
/// source).
/// </summary>
internal sealed record ServiceDatabase(string ConnectionName, string ConnectionString);
