using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Routing.Client;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.Routing.Domain;
using PetitionPlatform.ServiceDefaults.Access;
using PetitionPlatform.ServiceDefaults.Paging;
using PetitionPlatform.ServiceDefaults.Problems;

namespace PetitionPlatform.Routing.Api;

/// <summary>The directory (API.md "Directory"): regions, units and the classification list. Intake validates registrations against it.</summary>
public static class DirectoryApi
{
    // Paged like every list (docs/decisions.md 52), each by the key that is unique in it: a country's directory holds
    // some 45,000 regions.
    private static readonly TextKeyset<Region> s_regionsByCode = new(r => r.Code);
    private static readonly TextKeyset<Organization> s_unitsByName = new(o => o.Unit);
    private static readonly TextKeyset<ClassificationEntry> s_topicsByName = new(t => t.Topic);

    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        // Reference data with no petition in it: the other services read it without a token of their own. From outside,
        // the gateway still asks every caller for one, and the API document says so.
        var routing = app.MapGroup("/api/routing").WithTags("Directory").AllowPlatformServices();
        routing.MapGet("/regions", ListRegionsAsync).WithSummary("The regions of the directory, by code, a page at a time (extension)");
        routing.MapGet("/regions/{regionCode}", GetRegionAsync).WithSummary("A region of the administrative chain");
        routing.MapGet("/organizations", ListOrganizationsAsync).WithSummary("The units of a region");
        // An org id contains a slash: as two segments, or as one with the slash encoded (%2F).
        routing.MapGet("/organizations/{regionCode}/{unit}", (string regionCode, string unit, RoutingDbContext db, CancellationToken ct) =>
            GetOrganizationAsync($"{regionCode}/{unit}", db, ct)).WithSummary("A unit, by its id '<regionCode>/<unit>'");
        routing.MapGet("/organizations/{orgId}", (string orgId, RoutingDbContext db, CancellationToken ct) =>
            GetOrganizationAsync(Uri.UnescapeDataString(orgId), db, ct)).ExcludeFromDescription();
        routing.MapGet("/topics", ListTopicsAsync).WithSummary("The classification list (extension)");
        routing.MapGet("/topics/{topic}", GetTopicAsync).WithSummary("One entry of the classification list (extension)");
        return app;
    }

    private static Task<Results<Ok<List<DirectoryRegion>>, ValidationProblem>> ListRegionsAsync(
        string? limit, string? after, HttpContext http, RoutingDbContext db, CancellationToken ct) =>
        ListAsync(db.Regions.AsNoTracking(), s_regionsByCode, DirectoryResponses.ToResponse, limit, after, http, ct);

    private static async Task<Results<Ok<DirectoryRegion>, ProblemHttpResult>> GetRegionAsync(
        string regionCode, RoutingDbContext db, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == regionCode, ct);
        return region is null ? Problem.NotFound("Not found.", $"No region has the code '{regionCode}'.") : TypedResults.Ok(region.ToResponse());
    }

    private static async Task<Results<Ok<List<DirectoryOrganization>>, ValidationProblem, ProblemHttpResult>> ListOrganizationsAsync(
        string? regionCode, string? limit, string? after, HttpContext http, RoutingDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var page = PageRequest.Parse(limit, after, errors);
        if (string.IsNullOrWhiteSpace(regionCode))
        {
            errors["regionCode"] = ["The region whose units are listed is required, e.g. ?regionCode=130724."];
        }

        if (errors.Count > 0 || page is null)
        {
            return Problem.Invalid(errors);
        }

        if (!await db.Regions.AnyAsync(r => r.Code == regionCode, ct))
        {
            return Problem.NotFound("Not found.", $"No region has the code '{regionCode}'.");
        }

        return TypedResults.Ok(await PageOfAsync(
            db.Organizations.AsNoTracking().Where(o => o.RegionCode == regionCode), s_unitsByName, DirectoryResponses.ToResponse, page, http, ct));
    }

    private static async Task<Results<Ok<DirectoryOrganization>, ProblemHttpResult>> GetOrganizationAsync(
        string orgId, RoutingDbContext db, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct);
        return organization is null
            ? Problem.NotFound("Not found.", $"No unit has the id '{orgId}'.")
            : TypedResults.Ok(organization.ToResponse());
    }

    private static Task<Results<Ok<List<DirectoryTopic>>, ValidationProblem>> ListTopicsAsync(
        string? limit, string? after, HttpContext http, RoutingDbContext db, CancellationToken ct) =>
        ListAsync(db.ClassificationEntries.AsNoTracking(), s_topicsByName, DirectoryResponses.ToResponse, limit, after, http, ct);

    private static async Task<Results<Ok<DirectoryTopic>, ProblemHttpResult>> GetTopicAsync(string topic, RoutingDbContext db, CancellationToken ct)
    {
        var entry = await db.ClassificationEntries.AsNoTracking().SingleOrDefaultAsync(t => t.Topic == topic, ct);
        return entry is null ? Problem.NotFound("Not found.", $"'{topic}' is not on the classification list.") : TypedResults.Ok(entry.ToResponse());
    }

    /// <summary>A reference list that takes no filter of its own: the page asked for, or the problem naming what is wrong.</summary>
    private static async Task<Results<Ok<List<TResponse>>, ValidationProblem>> ListAsync<T, TResponse>(
        IQueryable<T> items, TextKeyset<T> order, Func<T, TResponse> response, string? limit, string? after, HttpContext http,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        return PageRequest.Parse(limit, after, errors) is { } page
            ? TypedResults.Ok(await PageOfAsync(items, order, response, page, http, ct))
            : Problem.Invalid(errors);
    }

    /// <summary>One page of a reference list in its key's order; the Link header names the next.</summary>
    private static async Task<List<TResponse>> PageOfAsync<T, TResponse>(
        IQueryable<T> items, TextKeyset<T> order, Func<T, TResponse> response, PageRequest page, HttpContext http, CancellationToken ct) =>
        [.. page.Page(await order.Read(items, page).ToListAsync(ct), order.KeyOf, http).Select(response)];
}
