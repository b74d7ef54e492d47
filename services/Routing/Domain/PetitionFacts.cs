namespace PetitionPlatform.Routing.Domain;

/// <summary>What routing decides from: the facts of PetitionRegistered, never the petitioner or the content.</summary>
public sealed record PetitionFacts(string Kind, string Topic, string? Subtopic, string RegionCode, string ReceivedBy);
