using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.IntegrationTests.Routing;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Handling;

/// <summary>
/// Handling with the real routing service as its directory, in-process: a review is opened at the unit routing's
/// directory names as the parent. With <c>sharedBus</c> both are on one virtual host, so routing also routes what is
/// registered and hears handling's terminations; otherwise routing serves only as the directory.
/// </summary>
public sealed class ReviewHost : IAsyncDisposable
{
    private ReviewHost(RoutingService routing, HandlingHost handling)
    {
        Routing = routing;
        Handling = handling;
    }

    public RoutingService Routing { get; }

    public HandlingHost Handling { get; }

    public static async Task<ReviewHost> StartAsync(SharedInfrastructure infrastructure, bool sharedBus = false, TimeProvider? time = null)
    {
        var routing = await RoutingService.StartAsync(infrastructure);
        var handling = await HandlingHost.StartAsync(infrastructure, sharedBus ? routing.Messaging : null, services =>
        {
            DirectoryWiring.Through(routing.Factory)(services);
            if (time is not null)
            {
                services.AddSingleton(time);
            }
        });
        return new ReviewHost(routing, handling);
    }

    /// <summary>A Guyuan labour-bureau case, accepted and answered; the case id and the petitioner's code.</summary>
    public async Task<(string CaseId, Guid PetitionId, string TrackingCode)> AnsweredCaseAsync()
    {
        var opened = await Handling.OpenCaseAsync();
        await OkAsync(await Handling.PostAsync(opened.CaseId, "accept", new { by = "张科长" }));
        await AnswerAsync(opened.CaseId);
        return opened;
    }

    public async Task<JsonElement> AnswerAsync(string caseId) => await OkAsync(await Handling.PostAsync(caseId, "answer",
        new { outcome = "explain", opinion = "经核查，公司已支付部分工资，余款正在督促。", legalBasis = "《保障农民工工资支付条例》第三条" }));

    public Task<HttpResponseMessage> RequestReviewAsync(string caseId, string trackingCode, string reason = "工资仍未足额支付，对处理意见不满意") =>
        Handling.PostAsync(caseId, "review-request", new { trackingCode, reason });

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync()
    {
        await Handling.DisposeAsync();
        await Routing.DisposeAsync();
    }
}
