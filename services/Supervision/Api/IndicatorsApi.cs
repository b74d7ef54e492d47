using Microsoft.AspNetCore.Http.HttpResults;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Routing.Client;
using PetitionPlatform.ServiceDefaults.Problems;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Directory;
using PetitionPlatform.Supervision.Domain.Indicators;

using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Supervision.Api;

/// <summary>The indicators of DOMAIN.md §6 for a region and everything below it, with a breakdown by child region.</summary>
public static partial class IndicatorsApi
{
    public static IHostApplicationBuilder AddIndicators(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IRepeatRegister, LedgerRepeatRegister>();
        builder.Services.AddScoped<PetitionHistories>();
        builder.Services.AddScoped<IndicatorFactsStore>();
        builder.Services.AddScoped<IndicatorsStore>();
        return builder;
    }

    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/supervision").WithTags("Indicators")
            .MapGet("/indicators", GetAsync)
            .WithSummary("Indicators of the petitions registered in a period in a region and below it, per child region");
        return app;
    }

    private static async Task<Results<Ok<IndicatorsResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string? regionCode, string? from, string? to, Caller caller, SupervisionAccess access, IndicatorsStore store,
        RegionDirectoryClient regions, TimeProvider time, ILogger<IndicatorsResponse> logger, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!RegionCode.IsWellFormed(regionCode))
        {
            errors["regionCode"] = ["The region is required as its code of 6, 9 or 12 digits, e.g. ?regionCode=130700."];
        }

        if (!IndicatorsPeriod.TryParseBound(from, isEnd: false, out var start))
        {
            errors["from"] = [$"Required: a date (2026-01-01, from its midnight in China) or an instant with its offset (2026-01-01T00:00:00+08:00). {AcceptedDates.Range}"];
        }

        if (!IndicatorsPeriod.TryParseBound(to, isEnd: true, out var until))
        {
            errors["to"] = [$"Required: a date (2026-01-31, to the end of that day in China) or an instant with its offset, inclusive. {AcceptedDates.Range}"];
        }
        else if (!errors.ContainsKey("from") && until <= start)
        {
            errors["to"] = ["The period ends before it starts: 'to' must not be before 'from'."];
        }

        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        try
        {
            var region = await regions.FindAsync(regionCode!, ct);
            if (region is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "The directory knows no such region.",
                    detail: $"No region has the code '{regionCode}'.");
            }

            if (!await access.ReadsIndicatorsAsync(caller, regionCode!, ct))
            {
                return SupervisionProblems.NotOverseen(caller, regionCode!);
            }

            var asOf = time.GetUtcNow();
            var counts = await store.CountsAsync(region.Code, start, until, asOf, ct);
            var chains = await regions.ChainsAsync(counts.Select(c => c.RegionCode), ct);

            var breakdown = RegionRollup.Compute(region.Code, counts, chains);
            var children = new List<ChildIndicatorsResponse>(breakdown.Children.Count);
            foreach (var child in breakdown.Children)
            {
                children.Add(new ChildIndicatorsResponse(child.RegionCode, (await regions.FindAsync(child.RegionCode, ct))?.Name, child.Indicators));
            }

            return TypedResults.Ok(new IndicatorsResponse(region.Code, region.Name, region.Level, start.InChina(), until.InChina(),
                asOf.InChina(), breakdown.Total, children));
        }
        catch (DirectoryUnavailableException e)
        {
            LogDirectoryUnavailable(logger, e, regionCode!);
            return Problem.Unavailable("The directory cannot be reached.",
                "Regions and their parents come from routing's directory, which did not answer; try again shortly.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indicators of region {RegionCode} not computed: the directory cannot be reached")]
    private static partial void LogDirectoryUnavailable(ILogger logger, Exception exception, string regionCode);
}
