using System.Net.Http.Json;

namespace PetitionPlatform.IntegrationTests.Support;

/// <summary>Requests modelled on the seeds' cases (DOMAIN.md §9).</summary>
public static class SamplePetitions
{
    /// <summary>35 farmers in Guyuan county, 280,000 yuan of unpaid wages, submitted online to the province bureau.</summary>
    public static object GuyuanWageArrears(string? subject = null) => new
    {
        channel = "online",
        kind = "complaint",
        topic = "wage-arrears",
        subject = subject ?? "农业公司拖欠35名农民工工资28万元",
        content = "沽源县某农业公司拖欠35名农民工工资共计28万元，多次讨要未果，请求督促支付。",
        regionCode = "130724102",
        receivedBy = "130000/petition-bureau",
        petitioner = new { name = "王建国", idNumber = "11010519491231002X", phone = "138 0013 8000", address = "沽源县黄盖淖镇" },
        headcount = 35,
        representatives = new[] { "王建国", "李春生" },
    };

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/petitions") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }
}
