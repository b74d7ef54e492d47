using System.Text.Json;
using PetitionPlatform.Intake.Domain;
using PetitionPlatform.Intake.PersonalData;

namespace PetitionPlatform.Intake.Api;

/// <summary>
/// The registration record as served by <c>GET /api/intake/petitions/{id}</c>, personal data masked for every reader:
/// the clear values are a separate, audited read (<see cref="PersonalDataRecord"/>) that only some readers may make.
/// </summary>
public sealed record PetitionRecord(
    Guid PetitionId,
    string Number,
    string Status,
    string Channel,
    string Kind,
    string Topic,
    string? Subtopic,
    string Subject,
    string Content,
    string RegionCode,
    string ReceivedBy,
    int Headcount,
    bool Collective,
    IReadOnlyList<string> Representatives,
    MaskedPetitioner? Petitioner,
    DateTimeOffset RegisteredAt,
    Guid? DuplicateOf,
    Guid? RepeatOf)
{
    public static PetitionRecord From(Petition petition, PersonalDataProtector protector) => new(
        petition.Id,
        petition.Number,
        petition.Status,
        petition.Channel,
        petition.Kind,
        petition.Topic,
        petition.Subtopic,
        petition.Subject,
        petition.Content,
        petition.RegionCode,
        petition.ReceivedBy,
        petition.Headcount,
        petition.IsCollective,
        RepresentativesOf(petition, protector).Select(Masking.Name).ToList(),
        petition.Petitioner is { } p
            ? new MaskedPetitioner(
                Masking.Name(protector.Decrypt(p.NameCipher)),
                p.IdNumberCipher is null ? null : Masking.Keep(protector.Decrypt(p.IdNumberCipher), 4, 2),
                p.PhoneCipher is null ? null : Masking.Keep(protector.Decrypt(p.PhoneCipher), 3, 4),
                p.AddressCipher is null ? null : Masking.Keep(protector.Decrypt(p.AddressCipher), 6, 0))
            : null,
        petition.RegisteredAt,
        petition.DuplicateOf,
        petition.RepeatOf);

    internal static string[] RepresentativesOf(Petition petition, PersonalDataProtector protector) =>
        petition.RepresentativesCipher is null
            ? []
            : JsonSerializer.Deserialize<string[]>(protector.Decrypt(petition.RepresentativesCipher), JsonSerializerOptions.Web) ?? [];
}

public sealed record MaskedPetitioner(string Name, string? IdNumber, string? Phone, string? Address);

/// <summary>
/// The petitioner's personal data in clear, from <c>GET /api/intake/petitions/{id}/personal-data</c>: for the
/// registering bureau and the units handling the case (ACCESS.md rule 4), each read written to the audit trail.
/// </summary>
public sealed record PersonalDataRecord(Guid PetitionId, PetitionerInClear? Petitioner, IReadOnlyList<string> Representatives)
{
    public static PersonalDataRecord From(Petition petition, PersonalDataProtector protector) => new(
        petition.Id,
        petition.Petitioner is { } p
            ? new PetitionerInClear(
                protector.Decrypt(p.NameCipher),
                p.IdNumberCipher is null ? null : protector.Decrypt(p.IdNumberCipher),
                p.PhoneCipher is null ? null : protector.Decrypt(p.PhoneCipher),
                p.AddressCipher is null ? null : protector.Decrypt(p.AddressCipher))
            : null,
        PetitionRecord.RepresentativesOf(petition, protector));
}

public sealed record PetitionerInClear(string Name, string? IdNumber, string? Phone, string? Address);

internal static class Masking
{
    /// <summary>Family name kept, the rest starred: 张三丰 → 张**.</summary>
    public static string Name(string name) => name.Length <= 1 ? "*" : name[..1] + new string('*', name.Length - 1);

    public static string Keep(string value, int head, int tail) => value.Length <= head + tail
        ? new string('*', value.Length)
        : value[..head] + new string('*', value.Length - head - tail) + value[^tail..];
}
