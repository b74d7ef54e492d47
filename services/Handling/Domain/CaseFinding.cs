namespace PetitionPlatform.Handling.Domain;

/// <summary>
/// What one unit found in its part of a jointly handled case. Kept on the case (a JSON column of its row), so adding
/// one changes the row version and cannot slip in after the lead unit's answer was saved.
/// </summary>
public sealed class CaseFinding
{
    private CaseFinding()
    {
    }

    public CaseFinding(string orgId, string text, DateTimeOffset at)
    {
        OrgId = orgId;
        Text = text;
        At = at;
    }

    public string OrgId { get; private set; } = "";

    public string Text { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}
