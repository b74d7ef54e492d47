using PetitionPlatform.Contracts;

namespace PetitionPlatform.Messaging;

/// <summary>
/// The outbox stores a message's contract name and turns it back into a type only from the Contracts assembly:
/// what crosses the broker is the published contract, and a row cannot name an arbitrary type to load.
/// </summary>
internal static class ContractTypes
{
    private static readonly System.Reflection.Assembly s_contracts = typeof(IPetitionEvent).Assembly;

    public static string NameOf(Type type) => type.Assembly == s_contracts
        ? type.FullName!
        : throw new ArgumentException($"{type} is not a message contract: events must be declared in services/Contracts.", nameof(type));

    /// <summary>The contract's name without its namespace, as metrics and operators' lists show it.</summary>
    public static string ShortName(string name) => name[(name.LastIndexOf('.') + 1)..];

    public static Type Resolve(string name) => s_contracts.GetType(name, throwOnError: false)
        ?? throw new InvalidOperationException($"Outbox row names unknown contract '{name}'.");
}
