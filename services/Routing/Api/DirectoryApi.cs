using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Routing.Client;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.ServiceDefaults.Access;
using PetitionPlatform.ServiceDefaults.Problems;

namespace PetitionPlatform.Routing.Api;

/// <summary>The directory (API.md "Directory"): regions, units and the classification list. Intake validates registrations against it.</summary>
public static class DirectoryApi
{
    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        // Reference data with no petition in it: the other services read it without a token of their own. From outside,
        // the gateway still asks every caller for one, and the API document says so.
        var routing = app.MapGroup("/api/routing").WithTags("Directory").AllowPlatformServices();
        routing.MapGet("/regions", ListRegionsAsync).WithSummary("Every region of the directory (extension)");
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

    private static async Task<Ok<List<DirectoryRegion>>> ListRegionsAsync(RoutingDbContext db, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        return TypedResults.Ok(regions.Select(DirectoryResponses.ToResponse).ToList());
    }

    private static async Task<Results<Ok<DirectoryRegion>, ProblemHttpResult>> GetRegionAsync(
        string regionCode, RoutingDbContext db, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == regionCode, ct);
        return region is null ? Problem.NotFound("Not found.", $"No region has the code '{regionCode}'.") : TypedResults.Ok(region.ToResponse());
    }

    private static async Task<Results<Ok<List<DirectoryOrganization>>, ValidationProblem, ProblemHttpResult>> ListOrganizationsAsync(
        string? regionCode, RoutingDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(regionCode))
        {
            return Problem.Invalid("regionCode", "The region whose units are listed is required, e.g. ?regionCode=130724.");
        }

        if (!await db.Regions.AnyAsync(r => r.Code == regionCode, ct))
        {
            return Problem.NotFound("Not found.", $"No region has the code '{regionCode}'.");
        }

        var units = await db.Organizations.AsNoTracking().Where(o => o.RegionCode == regionCode).OrderBy(o => o.Unit).ToListAsync(ct);
        return TypedResults.Ok(units.Select(DirectoryResponses.ToResponse).ToList());
    }

    private static async Task<Results<Ok<DirectoryOrganization>, ProblemHttpResult>> GetOrganizationAsync(
        string orgId, RoutingDbContext db, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct);
        return organization is null
            ? Problem.NotFound("Not found.", $"No unit has the id '{orgId}'.")
            : TypedResults.Ok(organization.ToResponse());
    }

    private static async Task<Ok<List<DirectoryTopic>>> ListTopicsAsync(RoutingDbContext db, CancellationToken ct)
    {
        var topics = await db.ClassificationEntries.AsNoTracking().OrderBy(t => t.Topic).ToListAsync(ct);
        return TypedResults.Ok(topics.Select(DirectoryResponses.ToResponse).ToList());
    }

    private static async Task<Results<Ok<DirectoryTopic>, ProblemHttpResult>> GetTopicAsync(string topic, RoutingDbContext db, CancellationToken ct)
    {
        var entry = await db.ClassificationEntries.AsNoTracking().SingleOrDefaultAsync(t => t.Topic == topic, ct);
        return entry is null ? Problem.NotFound("Not found.", $"'{topic}' is not on the classification list.") : TypedResults.Ok(entry.ToResponse());
    }
}
