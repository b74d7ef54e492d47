using System.Globalization;
using System.Text.Json.Nodes;
using PetitionPlatform.Intake.Domain;

namespace PetitionPlatform.Bench;

/// <summary>
/// Registrations as the province's web portal sends them: one matter (a wage complaint in Guyuan county, which routing
/// sends to the county's human resources bureau) from a different person each time. The same person's same matter
/// would be linked to the earlier one as a repeat instead of making a case.
/// </summary>
internal static class PetitionSamples
{
    /// <summary>The unit every sample reaches: its cases and notices are what the chain is checked by.</summary>
    public const string Unit = "130724/hrss";

    public const string Bureau = "130724/petition-bureau";

    private static readonly DateOnly s_firstBirthday = new(1950, 1, 1);
    private static int s_people;

    public static JsonObject Next()
    {
        var person = Interlocked.Increment(ref s_people);
        return new JsonObject
        {
            ["channel"] = "online",
            ["kind"] = "complaint",
            ["topic"] = "wage-arrears",
            ["subject"] = "公司拖欠工资",
            ["content"] = "某建筑公司拖欠本人三个月工资，多次讨要未果，请求督促支付。",
            ["regionCode"] = "130724102",
            ["receivedBy"] = "130000/petition-bureau",
            ["petitioner"] = new JsonObject { ["name"] = "测试人", ["idNumber"] = IdNumber(person), ["phone"] = "13800138000" },
            ["headcount"] = 1,
        };
    }

    /// <summary>A well-formed resident id (GB 11643: region, birthday, sequence, check digit), different for each of 18 million people.</summary>
    private static string IdNumber(int person)
    {
        var birthday = s_firstBirthday.AddDays(person / 1000 % 18_000);
        return CitizenIdNumber.Complete(string.Create(CultureInfo.InvariantCulture, $"130724{birthday:yyyyMMdd}{person % 1000:000}"));
    }
}
