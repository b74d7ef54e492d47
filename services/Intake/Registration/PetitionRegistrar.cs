using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Intake.Api;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.Intake.Domain;
using PetitionPlatform.Intake.PersonalData;
using PetitionPlatform.ServiceDefaults.Messaging;

namespace PetitionPlatform.Intake.Registration;

public abstract record RegistrationResult
{
    public sealed record Registered(PetitionAccepted Answer) : RegistrationResult;

    public sealed record KeyReusedWithOtherRequest : RegistrationResult;
}

/// <summary>
/// Registers a validated petition: number, query code, protected personal data, the idempotency record and the
/// <see cref="PetitionRegistered"/> event are written in one transaction, so a crash leaves all or nothing.
/// </summary>
public sealed class PetitionRegistrar(IntakeDbContext db, PersonalDataProtector protector, TimeProvider time)
{
    public async Task<RegistrationResult> RegisterAsync(RegisterPetitionRequest request, string? idempotencyKey, CancellationToken ct)
    {
        var requestHash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, JsonSerializerOptions.Web));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        if (idempotencyKey is not null)
        {
            // Serialises concurrent requests with the same key: the second waits, then finds the first's record.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({idempotencyKey}, 0))", ct);
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
        var petition = new Petition
        {
            Id = Guid.CreateVersion7(now),
            Number = await NextNumberAsync(regionCode, PetitionNumbers.DayOf(now), ct),
            TrackingCodeHash = TrackingCode.Hash(trackingCode),
            Channel = request.Channel!,
            Kind = request.Kind!,
            Topic = request.Topic!,
            Subtopic = request.Subtopic,
            Subject = request.Subject!.Trim(),
            Content = request.Content!,
            RegionCode = regionCode,
            ReceivedBy = request.ReceivedBy ?? RegistrationRules.DefaultReceiver(regionCode),
            Headcount = request.Headcount ?? 1,
            Representatives = request.Representatives?.Select(r => r!.Trim()).ToList() ?? [],
            Petitioner = Protect(request.Petitioner),
            RegisteredAt = now,
        };
        db.Petitions.Add(petition);

        var answer = new PetitionAccepted(petition.Id, petition.Number, trackingCode, "registered");
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

        db.AddToOutbox(new PetitionRegistered(
            petition.Id, petition.Number, petition.Channel, petition.Kind, petition.Topic, petition.RegionCode,
            petition.ReceivedBy, petition.Headcount, now, TrackingCodes.Hash(trackingCode), petition.Subtopic), time);
        db.AddToOutbox(new PetitionerReceiptRequested(petition.Id, petition.Number, trackingCode, petition.Channel, now), time);

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new RegistrationResult.Registered(answer);
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
            Name = petitioner.Name!.Trim(),
            IdNumberCipher = idNumber is null ? null : protector.Encrypt(idNumber),
            IdNumberHash = idNumber is null ? null : protector.Hash(idNumber),
            PhoneCipher = phone is null ? null : protector.Encrypt(phone),
            PhoneHash = phone is null ? null : protector.Hash(phone),
            Address = petitioner.Address?.Trim(),
        };
    }

    private async Task<string> NextNumberAsync(string regionCode, DateOnly day, CancellationToken ct)
    {
        var county = regionCode[..6];
        var next = await db.Database.SqlQuery<long>($"""
            INSERT INTO petition_number_sequences AS s (county_code, day, last_value) VALUES ({county}, {day}, 1)
            ON CONFLICT (county_code, day) DO UPDATE SET last_value = s.last_value + 1
            RETURNING s.last_value AS "Value"
            """).ToListAsync(ct);
        return PetitionNumbers.Format(regionCode, day, next.Single());
    }
}
