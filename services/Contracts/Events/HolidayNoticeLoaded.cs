using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Contracts;

/// <summary>
/// An operator loaded the State Council's notice for <paramref name="Year"/> (routing keeps the calendar). Every service
/// that counts statutory periods keeps it and counts on it from then on; handling counts its open clocks again. A later
/// load of the same year (a corrected notice) replaces it: <paramref name="LoadedAt"/> says which is newer.
/// </summary>
public sealed record HolidayNoticeLoaded(
    int Year,
    IReadOnlyList<HolidayRun> Holidays,
    IReadOnlyList<DateOnly> Workdays,
    string Reference,
    DateTimeOffset LoadedAt)
{
    public HolidayNotice ToNotice() => new(Year, Holidays, Workdays, Reference);

    public static HolidayNoticeLoaded Of(HolidayNotice notice, DateTimeOffset loadedAt) =>
        new(notice.Year, notice.Holidays, notice.Workdays, notice.Reference, loadedAt);
}
