using System.Reflection;

namespace PetitionPlatform.ServiceDefaults.Data;

/// <summary>Where a service's migrations come from: SQL files embedded under <c>Data/Migrations</c> of its assembly.</summary>
public sealed record MigrationSource(string DatabaseName, Assembly ServiceAssembly);
