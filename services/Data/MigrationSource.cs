using System.Reflection;

namespace PetitionPlatform.Data;

/// <summary>
/// Scripts for a service's database: the SQL files embedded under <c>Data/Migrations</c> of an assembly, recorded as
/// <c>&lt;scope&gt;/&lt;file&gt;</c> once applied (<c>service/0001_initial</c>, <c>platform/0001_messaging</c>).
/// </summary>
public sealed record MigrationSource(string Scope, Assembly Assembly);

/// <summary>The connection string name of the service's database, for the messages that ask to fix it.</summary>
internal sealed record ServiceDatabase(string ConnectionName);
