using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Audit.Data;
using PetitionPlatform.Audit.Domain;
using PetitionPlatform.ServiceDefaults.Access;
using PetitionPlatform.ServiceDefaults.Problems;

namespace PetitionPlatform.Audit.Api;

/// <summary>The trail, for the provincial bureau's auditors only (ACCESS.md): the entries, and the chain's verification.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit trail").RequireRoles(AccessRoles.Auditor);
        audit.MapGet("/entries", ListAsync)
            .WithSummary("Entries of the trail in order, filtered by petition, client or time");
        audit.MapGet("/verification", VerifyAsync)
            .WithSummary("Checks the whole hash chain and names the first entry that does not hold");
        return app;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(
        string? petitionId, string? clientId, string? from, string? to, string? after, string? limit, AuditDbContext db, CancellationToken ct)
    {
        var (query, errors) = AuditQuery.Parse(petitionId, clientId, from, to, after, limit);
        if (query is null)
        {
            return Problem.Invalid(errors, "The trail cannot be filtered as asked.");
        }

        var entries = await query.Apply(db.Entries.AsNoTracking()).ToListAsync(ct);
        var next = entries.Count == query.Limit ? entries[^1].Sequence : (long?)null;
        return TypedResults.Ok(new AuditPage(entries.Select(AuditEntryView.From).ToList(), next));
    }

    private static async Task<Ok<ChainVerification>> VerifyAsync(AuditDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await AuditChain.VerifyAsync(db.Entries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable(), ct));
}
