namespace PetitionPlatform.Intake.Domain;

/// <summary>A registered petition as intake keeps it. Only intake stores who the petitioner is.</summary>
public sealed class Petition
{
    public Guid Id { get; init; }

    public required string Number { get; init; }

    /// <summary>SHA-256 of the query code: the code itself is shown to the petitioner once and never stored.</summary>
    public required byte[] TrackingCodeHash { get; init; }

    public required string Channel { get; init; }

    public required string Kind { get; init; }

    public required string Topic { get; init; }

    /// <summary>For suggestions: the kind of unit addressed.</summary>
    public string? Subtopic { get; init; }

    public required string Subject { get; init; }

    public required string Content { get; init; }

    public required string RegionCode { get; init; }

    public required string ReceivedBy { get; init; }

    public int Headcount { get; init; }

    public Petitioner? Petitioner { get; init; }

    /// <summary>The representatives' names (a JSON array), sealed like the petitioner's data; null when none were named.</summary>
    public byte[]? RepresentativesCipher { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>One of <see cref="PetitionStatuses"/>: whether the registration entered the lifecycle.</summary>
    public string Status { get; init; } = PetitionStatuses.Registered;

    /// <summary>The open petition this submission repeats while it is handled (no case of its own).</summary>
    public Guid? DuplicateOf { get; init; }

    /// <summary>The answered (or terminated) petition whose matter this submission brings back.</summary>
    public Guid? RepeatOf { get; init; }

    public bool IsCollective => Headcount >= RegistrationRules.CollectiveHeadcount;
}

/// <summary>Personal data, all of it encrypted at rest; the ID number and phone are matched through keyed hashes.</summary>
public sealed class Petitioner
{
    public required byte[] NameCipher { get; init; }

    public byte[]? IdNumberCipher { get; init; }

    public byte[]? IdNumberHash { get; init; }

    public byte[]? PhoneCipher { get; init; }

    public byte[]? PhoneHash { get; init; }

    public byte[]? AddressCipher { get; init; }
}
