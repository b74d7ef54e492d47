using PetitionPlatform.Contracts;
using PetitionPlatform.Intake.Repeats;

namespace PetitionPlatform.Intake.Registration;

/// <summary>The sentence the registration answer gives when a submission was linked to an earlier one.</summary>
public static class RegistrationNotes
{
    public static string? For(Linking linking) => linking switch
    {
        Linking.DuplicateOf d =>
            $"The same matter is being handled as petition {d.Original.Number}; this submission is added to it and no second case is opened.",
        Linking.RepeatOf r =>
            $"Petition {r.Original.Number} on the same matter was answered by {r.AnsweredByOrgId}; this repeat petition goes back to that unit.",
        Linking.OfTerminated t =>
            $"The same matter (petition {t.Original.Number}) was concluded ({Reason(t.Reason)}); under the Regulation on Petitions it is not accepted again.",
        _ => null,
    };

    private static string Reason(string reason) => reason switch
    {
        TerminationReasons.ReReviewAnswered => "the re-review was answered",
        TerminationReasons.PoliticalLegal => "a political-legal organ terminated it",
        _ => reason,
    };
}
