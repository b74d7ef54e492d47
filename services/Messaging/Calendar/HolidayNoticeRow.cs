using System.Text.Json;
using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Messaging.Calendar;

/// <summary>A year's holiday notice as a service keeps it: the newest load of that year.</summary>
public sealed class HolidayNoticeRow
{
    public int Year { get; set; }

    /// <summary>The <see cref="HolidayNotice"/> as JSON.</summary>
    public string Notice { get; set; } = "";

    public DateTimeOffset LoadedAt { get; set; }

    public HolidayNotice ToNotice() => JsonSerializer.Deserialize<HolidayNotice>(Notice, JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException($"The holiday notice of {Year} is empty.");

    public static HolidayNoticeRow Of(HolidayNotice notice, DateTimeOffset loadedAt) =>
        new() { Year = notice.Year, Notice = JsonSerializer.Serialize(notice, JsonSerializerOptions.Web), LoadedAt = loadedAt };
}
