namespace PetitionPlatform.Routing.Domain;

/// <summary>
/// The directory cannot place a petition at all (its receiving unit is unknown). Intake validates against the
/// directory, so this means bad data: the message goes to the error queue for an operator rather than being guessed at.
/// </summary>
public sealed class UnroutablePetitionException(string message) : Exception(message);
