using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PetitionPlatform.Intake.Domain;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.EndToEndTests.Lifecycle;

/// <summary>The seeds' matters as registration bodies, and the calls a walk through the lifecycle needs.</summary>
internal static class Petitions
{
    public static JsonObject GuyuanWageArrears() => new()
    {
        ["channel"] = "online",
        ["kind"] = "complaint",
        ["topic"] = "wage-arrears",
        ["subject"] = "农业公司拖欠35名农民工工资28万元",
        ["content"] = "沽源县某农业公司拖欠35名农民工工资共计28万元，多次讨要未果，请求督促支付。",
        ["regionCode"] = "130724102",
        ["receivedBy"] = "130000/petition-bureau",
        // A new petitioner each time: the same person's same matter would be linked to the earlier one as a duplicate.
        ["petitioner"] = new JsonObject { ["name"] = "王建国", ["idNumber"] = NewIdNumber(), ["phone"] = "13800138000" },
        ["headcount"] = 35,
        ["representatives"] = new JsonArray("王建国", "李春生"),
    };

    public static JsonObject HuanggainaoNeighbourDispute() => new()
    {
        ["channel"] = "visit",
        ["kind"] = "complaint",
        ["topic"] = "neighbour-dispute",
        ["subject"] = "邻居占用宅基地通道",
        ["content"] = "黄盖淖镇某村邻居在两家之间的通道上砌墙，影响通行，协商未果。",
        ["regionCode"] = "130724102",
        ["petitioner"] = new JsonObject { ["name"] = "赵秀英", ["phone"] = "13900000001" },
    };

    public static JsonObject CourtCase() => new()
    {
        ["channel"] = "letter",
        ["kind"] = "complaint",
        ["topic"] = "court-case",
        ["subject"] = "对民事判决不服",
        ["content"] = "本人对沽源县人民法院的民事判决不服，请求重新处理。",
        ["regionCode"] = "130724",
        ["petitioner"] = new JsonObject { ["name"] = "孙立新", ["phone"] = "13900000002" },
    };

    public static JsonObject MisconductReport() => new()
    {
        ["channel"] = "online",
        ["kind"] = "report",
        ["topic"] = "official-misconduct",
        ["subject"] = "反映某干部违规收受礼金",
        ["content"] = "反映沽源县某局干部在项目审批中收受礼金。",
        ["regionCode"] = "130724",
    };

    private static int s_people;

    /// <summary>A valid citizen ID number (GB 11643 check digit) of a Guyuan resident no other call returns.</summary>
    public static string NewIdNumber()
    {
        return CitizenIdNumber.Complete($"130724198{Random.Shared.Next(0, 10)}0101{Interlocked.Increment(ref s_people) % 1000:000}");
    }

    public static async Task<Registered> RegisterAsync(this HttpClient gateway, JsonObject body)
    {
        using var response = await gateway.PostAsJsonAsync("/api/intake/petitions", body);
        return RegisteredFrom(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Registers as an agency's client should: a 503 ("nothing was registered; retry shortly") is sent again with the
    /// same <c>Idempotency-Key</c> until intake answers otherwise, so a retry can never register twice. For a burst on a
    /// freshly started stack, where the directory check may time out.
    /// </summary>
    public static async Task<Registered> RegisterRetryingAsync(this HttpClient gateway, JsonObject body)
    {
        var key = Guid.NewGuid().ToString();
        var (status, content) = await Eventually.HoldsAsync(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/petitions") { Content = JsonContent.Create(body) };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await gateway.SendAsync(request);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            },
            answer => answer.StatusCode != HttpStatusCode.ServiceUnavailable,
            because: "intake consults routing's directory again", seconds: 60);
        return RegisteredFrom(status, content);
    }

    private static Registered RegisteredFrom(HttpStatusCode status, string content)
    {
        Assert.True(status == HttpStatusCode.Accepted, $"registration answered {(int)status}: {content}");
        var answer = JsonDocument.Parse(content).RootElement;
        return new Registered(answer.GetProperty("petitionId").GetString()!, answer.GetProperty("number").GetString()!, answer.GetProperty("trackingCode").GetString()!);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient gateway, string path)
    {
        var response = await gateway.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A paged list read whole, following its <c>Link: rel="next"</c> pages as an agency would (decision 52).</summary>
    public static async Task<JsonElement> GetAllJsonAsync(this HttpClient gateway, string path) =>
        JsonSerializer.SerializeToElement((await Pages.ReadAllAsync(gateway, path)).Items);

    public static async Task<JsonElement> PostJsonAsync(this HttpClient gateway, string path, object body)
    {
        var response = await gateway.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Routing decides asynchronously after registration.</summary>
    public static Task<JsonElement> RoutingDecisionAsync(this HttpClient gateway, string petitionId) => Eventually.HoldsAsync(
        async () => await gateway.GetAsync($"/api/routing/petitions/{petitionId}") is { IsSuccessStatusCode: true } ok
            ? await ok.Content.ReadFromJsonAsync<JsonElement>()
            : default,
        decision => decision.ValueKind == JsonValueKind.Object, because: "routing decides");

    /// <summary>Handling answers 404 until the registration reaches it; that is "no case yet", not a failure.</summary>
    public static Task<JsonElement> CasesAsync(this HttpClient gateway, string petitionId, int count) => Eventually.HoldsAsync(
        async () => await gateway.GetAsync($"/api/handling/petitions/{petitionId}/cases") is { IsSuccessStatusCode: true } ok
            ? await ok.Content.ReadFromJsonAsync<JsonElement>()
            : default,
        cases => cases.ValueKind == JsonValueKind.Array && cases.GetArrayLength() == count, because: $"handling has {count} case(s)");

    public static Task<JsonElement> NotificationsAsync(
        this HttpClient gateway, string recipient, Func<JsonElement, bool> until, string because, int seconds = 30) =>
        Eventually.HoldsAsync(() => gateway.GetAllJsonAsync($"/api/notifications?recipient={Uri.EscapeDataString(recipient)}"), until, because, seconds);

    /// <summary>
    /// The petitioner's messages read with a query code. Notification answers 404 until it has learned the code from
    /// the submission's event; that is "nothing yet", not a failure.
    /// </summary>
    public static Task<JsonElement> PetitionerMessagesAsync(
        this HttpClient gateway, string trackingCode, Func<JsonElement, bool> until, string because, int seconds = 30) =>
        Eventually.HoldsAsync(
            async () => await gateway.GetAsync($"/api/notifications?recipient={Uri.EscapeDataString(trackingCode)}") is { IsSuccessStatusCode: true } ok
                ? await ok.Content.ReadFromJsonAsync<JsonElement>()
                : default,
            messages => messages.ValueKind == JsonValueKind.Array && until(messages), because, seconds);

    public static IEnumerable<string> Templates(this JsonElement notifications, string petitionId) => notifications.EnumerateArray()
        .Where(n => n.GetProperty("petitionId").GetString() == petitionId)
        .Select(n => n.GetProperty("template").GetString()!);
}

internal sealed record Registered(string PetitionId, string Number, string TrackingCode);
