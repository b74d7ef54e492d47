using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Notification.Data;
using PetitionPlatform.Notification.Domain;
using PetitionPlatform.ServiceDefaults.Access;
using PetitionPlatform.ServiceDefaults.Paging;
using PetitionPlatform.ServiceDefaults.Problems;

namespace PetitionPlatform.Notification.Api;

public static class NotificationsApi
{
    private static readonly Keyset<NotificationMessage> s_oldestFirst = Keyset.Ascending<NotificationMessage>(n => n.CreatedAt, n => n.Id);

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/notifications").WithTags("Notifications")
            // Open to petitioners by query code; a unit's messages need that unit's own client (checked below).
            .MapGet("/", ListAsync).AllowPetitioners()
            .WithSummary("Messages kept for a unit (by org id) or a petitioner (by query code), oldest first");
        return app;
    }

    private static async Task<Results<Ok<List<NotificationView>>, ValidationProblem, ProblemHttpResult, ChallengeHttpResult>> ListAsync(
        string? recipient, string? petitionId, string? limit, string? after, HttpContext http, Caller? caller, NotificationDbContext db,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var page = PageRequest.Parse(limit, after, errors);
        var query = RecipientQuery.Parse(recipient);
        if (query is null)
        {
            errors["recipient"] = [string.IsNullOrWhiteSpace(recipient)
                ? "The recipient is required: an org id such as '130724/hrss', or the petitioner's query code."
                : "Neither an org id ('<regionCode>/<unit>', such as '130724/hrss') nor a query code (16 letters and digits)."];
        }

        Guid? petition = null;
        if (petitionId is not null)
        {
            if (Guid.TryParse(petitionId, out var parsed))
            {
                petition = parsed;
            }
            else
            {
                errors["petitionId"] = ["A petition id is a UUID."];
            }
        }

        if (errors.Count > 0 || page is null)
        {
            return Problem.Invalid(errors, "The notifications cannot be listed as asked.");
        }

        if (query is RecipientQuery.Unit addressed)
        {
            if (caller is null)
            {
                return TypedResults.Challenge();
            }

            // What was written to a unit is the unit's to read (its overseers follow its notices in supervision).
            if (!caller.Is(addressed.OrgId) || !caller.HasAny(AccessRoles.Organisations))
            {
                return Problem.Forbidden($"A unit's messages are read by that unit's own client; this client acts for '{caller.Org}'.");
            }
        }

        var messages = db.Notifications.AsNoTracking();
        switch (query)
        {
            case RecipientQuery.Unit unit:
                messages = messages.Where(n => n.RecipientKind == Recipient.Org && n.RecipientKey == unit.OrgId);
                break;
            case RecipientQuery.Petitioner petitioner:
                var petitions = await db.KnownPetitions.AsNoTracking()
                    .Where(p => p.TrackingCodeHash == petitioner.TrackingCodeHash)
                    .Select(p => p.PetitionId.ToString())
                    .ToListAsync(ct);
                // A duplicate or a resubmitted terminated matter is never registered here, but its code reads its messages.
                petitions.AddRange(await db.PetitionerCodes.AsNoTracking()
                    .Where(c => c.TrackingCodeHash == petitioner.TrackingCodeHash)
                    .Select(c => c.PetitionId.ToString())
                    .ToListAsync(ct));
                if (petitions.Count == 0)
                {
                    // As the progress view does: an unknown code is not found, whether mistyped or not yet registered here.
                    return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                        title: "No petition has this query code.", detail: "Check the code on the receipt.");
                }

                messages = messages.Where(n => n.RecipientKind == Recipient.Petitioner && petitions.Contains(n.RecipientKey));
                break;
        }

        if (petition is { } id)
        {
            messages = messages.Where(n => n.PetitionId == id);
        }

        var found = await s_oldestFirst.Read(messages, page).ToListAsync(ct);
        return TypedResults.Ok(page.Page(found, s_oldestFirst.KeyOf, http).Select(NotificationView.From).ToList());
    }
}
