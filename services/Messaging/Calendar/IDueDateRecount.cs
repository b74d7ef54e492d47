using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Messaging.Calendar;

/// <summary>
/// A service's clocks that a newly kept holiday notice may move: counted again in the transaction that keeps the
/// notice, each one that moved announced (<c>DueDateChanged</c>) through the outbox.
/// </summary>
public interface IDueDateRecount
{
    Task RecountAsync(HolidayNotice notice, CancellationToken ct);
}
