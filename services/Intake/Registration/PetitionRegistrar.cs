using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Data.Protection;
using PetitionPlatform.Intake.Api;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.Intake.Domain;
using PetitionPlatform.Intake.PersonalData;
using PetitionPlatform.Intake.Repeats;
using PetitionPlatform.Messaging;
using PetitionPlatform.Data;

namespace PetitionPlatform.Intake.Registration;

public abstract record RegistrationResult
{
    public sealed record Registered(PetitionAccepted Answer) : RegistrationResult;

    public sealed record KeyReusedWithOtherRequest : RegistrationResult;
}

/// <summary>
/// Registers a validated petition: number, query code, protected personal data, the link to an earlier submission of the
/// same matter, the idempotency record and the events are written in one transaction, so a crash leaves all or nothing.
/// </summary>
public sealed partial class PetitionRegistrar(
    IntakeDbContext db,
    PersonalDataProtector protector,
    ReceiptSealing receipts,
    MatterMatcher matcher,
    TimeProvider time,
    AuditTrail audit,
    ILogger<PetitionRegistrar> logger)
{
    public async Task<RegistrationResult> RegisterAsync(RegisterPetitionRequest request, string? idempotencyKey, CancellationToken ct)
    {
        var requestHash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, JsonSerializerOptions.Web));
        await using var transaction = await db.Database.BeginWholeTransactionAsync(ct);

        if (idempotencyKey is not null)
        {
            // Serialises concurrent requests with the same key: the second waits, then finds the first's record.
            await db.Database.TakeTransactionLockAsync(idempotencyKey, ct);
            var previous = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Key == idempotencyKey, ct);
            if (previous is not null)
            {
                return previous.RequestHash.AsSpan().SequenceEqual(requestHash)
                    ? new RegistrationResult.Registered(JsonSerializer.Deserialize<PetitionAccepted>(protector.Decrypt(previous.ResponseCipher), JsonSerializerOptions.Web)!)
                    : new RegistrationResult.KeyReusedWithOtherRequest();
            }
        }

        var now = time.GetUtcNow();
        var regionCode = request.RegionCode!;
        var trackingCode = TrackingCode.New();
        var petitioner = Protect(request.Petitioner);
        var subject = request.Subject!.Trim();
        var linking = await matcher.LinkAsync(
            new Submission(request.Topic!, regionCode, petitioner?.IdNumberHash, petitioner?.PhoneHash,
                MatterLinking.TextOf(subject, request.Content!)), ct);
        var petition = new Petition
        {
            Id = Guid.CreateVersion7(now),
            Number = await NextNumberAsync(regionCode, PetitionNumbers.DayOf(now), ct),
            TrackingCodeHash = TrackingCode.Hash(trackingCode),
            Channel = request.Channel!,
            Kind = request.Kind!,
            Topic = request.Topic!,
            Subtopic = request.Subtopic,
            Subject = subject,
            Content = request.Content!,
            RegionCode = regionCode,
            ReceivedBy = request.ReceivedBy ?? RegistrationRules.DefaultReceiver(regionCode),
            Headcount = request.Headcount ?? 1,
            RepresentativesCipher = request.Representatives is { Count: > 0 } representatives
                ? protector.Encrypt(JsonSerializer.Serialize(representatives.Select(r => r!.Trim()), JsonSerializerOptions.Web))
                : null,
            Petitioner = petitioner,
            RegisteredAt = now,
            Status = linking switch
            {
                Linking.DuplicateOf => PetitionStatuses.Duplicate,
                Linking.OfTerminated => PetitionStatuses.NotAcceptedTerminated,
                _ => PetitionStatuses.Registered,
            },
            DuplicateOf = (linking as Linking.DuplicateOf)?.Original.Id,
            RepeatOf = linking switch
            {
                Linking.RepeatOf repeat => repeat.Original.Id,
                Linking.OfTerminated terminated => terminated.Original.Id,
                _ => null,
            },
        };
        db.Petitions.Add(petition);

        var answer = new PetitionAccepted(petition.Id, petition.Number, trackingCode, petition.Status,
            petition.DuplicateOf, petition.RepeatOf, RegistrationNotes.For(linking));
        if (idempotencyKey is not null)
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                Key = idempotencyKey,
                RequestHash = requestHash,
                PetitionId = petition.Id,
                ResponseCipher = protector.Encrypt(JsonSerializer.Serialize(answer, JsonSerializerOptions.Web)),
                CreatedAt = now,
            });
        }

        AnnounceRegistration(petition, linking, TrackingCodes.Hash(trackingCode), now);
        // Every submission gets its number and query code, a duplicate or a refused one too: the petitioner must be
        // able to prove it was received and follow what became of it.
        db.AddToOutbox(new PetitionerReceiptRequested(
            petition.Id, petition.Number, TrackingCode: null, petition.Channel, now, receipts.SealToBase64(trackingCode)), time);
        audit.Record(AuditActions.PetitionRegistered, petition.Id);

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        LogRegistered(logger, petition.Id, petition.Status, petition.DuplicateOf ?? petition.RepeatOf);
        return new RegistrationResult.Registered(answer);
    }

    /// <summary>
    /// Only a petition that enters the lifecycle is announced as registered (a repeat names the original and the unit
    /// that answered it, so routing sends it back there). A duplicate and a terminated matter get their own events,
    /// so that nothing routes or opens a case for them.
    /// </summary>
    private void AnnounceRegistration(Petition petition, Linking linking, string trackingCodeHash, DateTimeOffset now)
    {
        switch (linking)
        {
            case Linking.DuplicateOf duplicate:
                db.AddToOutbox(new DuplicateSubmissionLinked(petition.Id, petition.Number, duplicate.Original.Id,
                    duplicate.Original.Number, petition.Channel, petition.ReceivedBy, now, trackingCodeHash), time);
                break;
            case Linking.OfTerminated terminated:
                db.AddToOutbox(new TerminatedMatterResubmitted(petition.Id, petition.Number, terminated.Original.Id,
                    terminated.Original.Number, terminated.Reason, trackingCodeHash, petition.Channel, now), time);
                break;
            default:
                var repeat = linking as Linking.RepeatOf;
                db.AddToOutbox(new PetitionRegistered(
                    petition.Id, petition.Number, petition.Channel, petition.Kind, petition.Topic, petition.RegionCode,
                    petition.ReceivedBy, petition.Headcount, now, trackingCodeHash, petition.Subtopic,
                    repeat?.Original.Id, repeat?.AnsweredByOrgId, repeat?.Original.Number), time);
                break;
        }
    }

    private Petitioner? Protect(PetitionerRequest? petitioner)
    {
        if (petitioner is null)
        {
            return null;
        }

        var idNumber = petitioner.IdNumber is null ? null : CitizenIdNumber.Normalize(petitioner.IdNumber);
        var phone = petitioner.Phone is null ? null : new string(petitioner.Phone.Where(char.IsAsciiDigit).ToArray());
        return new Petitioner
        {
            NameCipher = protector.Encrypt(petitioner.Name!.Trim()),
            IdNumberCipher = idNumber is null ? null : protector.Encrypt(idNumber),
            IdNumberHash = idNumber is null ? null : protector.Hash(idNumber),
            PhoneCipher = phone is null ? null : protector.Encrypt(phone),
            PhoneHash = phone is null ? null : protector.Hash(phone),
            AddressCipher = petitioner.Address is null ? null : protector.Encrypt(petitioner.Address.Trim()),
        };
    }

    private async Task<string> NextNumberAsync(string regionCode, DateOnly day, CancellationToken ct)
    {
        var county = RegionCode.Parse(regionCode).County.Value;
        var next = await db.Database.SqlQuery<long>($"""
            INSERT INTO petition_number_sequences AS s (county_code, day, last_value) VALUES ({county}, {day}, 1)
            ON CONFLICT (county_code, day) DO UPDATE SET last_value = s.last_value + 1
            RETURNING s.last_value AS "Value"
            """).ToListAsync(ct);
        return PetitionNumbers.Format(regionCode, day, next.Single());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Petition {PetitionId} registered as {Status} (linked to {OriginalPetitionId})")]
    private static partial void LogRegistered(ILogger logger, Guid petitionId, string status, Guid? originalPetitionId);
}
