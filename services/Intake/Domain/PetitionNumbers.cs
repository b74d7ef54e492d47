using PetitionPlatform.Contracts;

namespace PetitionPlatform.Intake.Domain;

/// <summary>
/// Human-readable petition numbers: county code, registration day in China Standard Time, and that county's
/// sequence of the day, e.g. <c>130724-20261123-00017</c>.
/// </summary>
public static class PetitionNumbers
{
    public static readonly TimeZoneInfo ChinaStandardTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly DayOf(DateTimeOffset registeredAt) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(registeredAt, ChinaStandardTime).DateTime);

    public static string Format(string regionCode, DateOnly day, long sequence) =>
        $"{RegionCode.Parse(regionCode).County}-{day:yyyyMMdd}-{sequence:D5}";
}
