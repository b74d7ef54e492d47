using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PetitionPlatform.EndToEndTests.Lifecycle;

/// <summary>
/// Zhangjiakou's indicators over a history made through the gateway, against figures worked out by hand from what the
/// test did. The period is the test's own minutes: tests of the collection run one after another, so nothing else is
/// registered in it.
/// </summary>
[Collection("platform")]
public sealed class IndicatorsTests(PlatformFixture platform)
{
    private static readonly string[] s_channels = ["online", "phone", "qr-code", "letter", "online", "visit"];
    private static readonly string[] s_topics = ["social-assistance", "utilities", "environment", "medical", "land-contract", "property-management"];
    private static readonly string[] s_regions = ["130724", "130724100", "130724102", "130724", "130724100", "130724"];

    private HttpClient Gateway => platform.Gateway;

    [Fact]
    public async Task Zhangjiakou_indicators_equal_the_figures_of_the_history_made_through_the_gateway()
    {
        // The previous test's registrations were answered before this one started; the next one's come after `to`.
        var from = DateTimeOffset.UtcNow;
        List<string> cases = [];
        for (var i = 0; i < s_channels.Length; i++)
        {
            var petition = await platform.Portal.RegisterAsync(Matter(i));
            var opened = (await Gateway.CasesAsync(petition.PetitionId, 1))[0];
            cases.Add(opened.GetProperty("caseId").GetString()!);
            // The unit the case went to acts on it with its own client; the petitioner rates it with the query code.
            using var unit = platform.As(opened.GetProperty("orgId").GetString()!);
            if (i < 5)
            {
                await unit.PostJsonAsync($"/api/handling/cases/{cases[i]}/accept", new { by = "办理人" });
            }

            if (i < 4)
            {
                await unit.PostJsonAsync($"/api/handling/cases/{cases[i]}/answer", new { outcome = "support", opinion = "已处理。", legalBasis = "有关规定" });
            }

            if (i < 3)
            {
                var rating = new[] { "satisfied", "basically-satisfied", "dissatisfied" }[i];
                var code = petition.TrackingCode;
                await platform.Anonymous.PostJsonAsync($"/api/handling/cases/{cases[i]}/evaluation", new { trackingCode = code, rating });
            }
        }

        var to = DateTimeOffset.UtcNow;
        // By hand: 6 registered, 3 online or by QR code; 5 accepted in time (the sixth is not due yet, so not judged);
        // 4 answered in time (the fifth is in progress, not due); 3 of 4 answers evaluated, 2 of 3 satisfied or basically;
        // one-time resolution: the 2 answers rated well, of 4 answered petitions; no repeats; nothing overdue.
        var expected = new Dictionary<string, (int Numerator, int Denominator)>
        {
            ["onlineShare"] = (3, 6),
            ["timelyAcceptance"] = (5, 5),
            ["onTimeCompletion"] = (4, 4),
            ["evaluationParticipation"] = (3, 4),
            ["satisfaction"] = (2, 3),
            ["oneTimeResolution"] = (2, 4),
            ["repeatPetitions"] = (0, 6),
            ["backlogResolved"] = (0, 0),
        };

        var answer = await Eventually.HoldsAsync(() => Gateway.GetJsonAsync($"/api/supervision/indicators?regionCode=130700&from={Instant(from)}&to={Instant(to)}"),
            a => Denominator(a, "onlineShare") == 6 && Denominator(a, "timelyAcceptance") == 5 && Denominator(a, "evaluationParticipation") == 4
                && Denominator(a, "satisfaction") == 3,
            because: "supervision has every event of the history");
        AssertIndicators(expected, answer.GetProperty("indicators"));
        var guyuan = answer.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("regionCode").GetString() == "130724");
        AssertIndicators(expected, guyuan.GetProperty("indicators"));
    }

    private static int Denominator(JsonElement answer, string indicator) =>
        answer.GetProperty("indicators").GetProperty(indicator).GetProperty("denominator").GetInt32();

    private static void AssertIndicators(Dictionary<string, (int Numerator, int Denominator)> expected, JsonElement indicators)
    {
        foreach (var (name, (numerator, denominator)) in expected)
        {
            var actual = indicators.GetProperty(name);
            Assert.True(numerator == actual.GetProperty("numerator").GetInt32() && denominator == actual.GetProperty("denominator").GetInt32(),
                $"{name}: expected {numerator}/{denominator}, got {actual}");
            var rate = actual.GetProperty("rate");
            if (denominator == 0)
            {
                Assert.Equal(JsonValueKind.Null, rate.ValueKind);
            }
            else
            {
                Assert.Equal(Math.Round((double)numerator / denominator, 4, MidpointRounding.AwayFromZero), rate.GetDouble(), 4);
            }
        }
    }

    private static string Instant(DateTimeOffset instant) =>
        Uri.EscapeDataString(instant.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture));

    private static JsonObject Matter(int i) => new()
    {
        ["channel"] = s_channels[i],
        ["kind"] = "complaint",
        ["topic"] = s_topics[i],
        ["subject"] = $"指标测试事项{i}",
        ["content"] = $"张家口市沽源县第{i}件测试信访事项，用于核对考核指标。",
        ["regionCode"] = s_regions[i],
        ["receivedBy"] = "130724/petition-bureau",
        ["petitioner"] = new JsonObject { ["name"] = $"测试{i}", ["phone"] = $"1370000{i:0000}" },
    };
}
