using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Supervision.Directory;

namespace PetitionPlatform.IntegrationTests.Supervision;

/// <summary>
/// Stands in for routing's <c>GET /api/routing/organizations/{regionCode}/{unit}</c>, whose contract is fixed
/// (<c>{ id, name, regionCode, level, unit, parentId }</c>) but which routing does not serve yet on this branch: a
/// fixed slice of the demo directory (Hebei → Zhangjiakou → Guyuan → Huanggainao), with parents as routing sets them
/// (the same unit one level up, else the petition bureau one level up; none at province). Counts the calls, so tests
/// can see the answers are cached. Replace by the real routing service once it serves the endpoint.
/// </summary>
internal sealed class DirectoryStandIn
{
    private static readonly (string Code, string Level, string? Parent)[] s_regions =
    [
        ("130000", "province", null), ("130700", "city", "130000"), ("130724", "county", "130700"), ("130724102", "township", "130724"),
    ];

    private static readonly string[] s_units = ["petition-bureau", "joint-conference", "hrss", "housing", "discipline"];

    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Action<IServiceCollection> Wiring => services =>
        services.AddHttpClient<OrgDirectoryClient>().ConfigurePrimaryHttpMessageHandler(() => new Handler(this));

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        Interlocked.Increment(ref _calls);
        const string prefix = "/api/routing/organizations/";
        var path = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath);
        var org = path.StartsWith(prefix, StringComparison.Ordinal) ? Find(path[prefix.Length..]) : null;
        return org is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(org) };
    }

    private static object? Find(string orgId)
    {
        var parts = orgId.Split('/');
        var region = s_regions.FirstOrDefault(r => r.Code == parts[0]);
        if (parts.Length != 2 || region.Code is null || !Exists(region, parts[1]))
        {
            return null;
        }

        string? parentId = null;
        if (region.Parent is { } parentCode)
        {
            var parent = s_regions.Single(r => r.Code == parentCode);
            parentId = Exists(parent, parts[1]) ? $"{parentCode}/{parts[1]}" : $"{parentCode}/petition-bureau";
        }

        return new { id = orgId, name = orgId, regionCode = region.Code, level = region.Level, unit = parts[1], parentId };
    }

    private static bool Exists((string Code, string Level, string? Parent) region, string unit) =>
        region.Level == "township" ? unit is "township-gov" or "joint-conference" : s_units.Contains(unit);

    /// <summary>The client factory creates and disposes handlers at will; the slice and its count live in the stand-in.</summary>
    private sealed class Handler(DirectoryStandIn standIn) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(standIn.Answer(request));
    }
}
