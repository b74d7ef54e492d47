using MassTransit;
using Microsoft.Extensions.Logging;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Messaging.Calendar;

/// <summary>
/// Keeps a notice routing announced and counts on it from then on; the service's own clocks that it moves are counted
/// again in the same transaction (<see cref="IDueDateRecount"/>). Behind the inbox, and a notice already kept (or an
/// older one arriving late) changes nothing.
/// </summary>
public sealed partial class HolidayNoticeLoadedConsumer(
    HolidayNoticeBook book, IEnumerable<IDueDateRecount> recounts, ILogger<HolidayNoticeLoadedConsumer> logger) : IConsumer<HolidayNoticeLoaded>
{
    public async Task Consume(ConsumeContext<HolidayNoticeLoaded> context)
    {
        var loaded = context.Message;
        var notice = loaded.ToNotice();
        if (!await book.KeepAsync(notice, loaded.LoadedAt, context.CancellationToken))
        {
            LogAlreadyKept(logger, loaded.Year, loaded.LoadedAt);
            return;
        }

        // Before the recount, which counts on it in this transaction. Should the transaction fail, the delivery is tried
        // again and keeps it then; a notice adopted and not kept in between only lasts until the process restarts.
        StatutoryCalendar.Adopt(notice, loaded.LoadedAt);

        foreach (var recount in recounts)
        {
            await recount.RecountAsync(notice, context.CancellationToken);
        }

        LogKept(logger, loaded.Year, loaded.Reference);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The holiday notice of {Year} ({Reference}) is kept and counted on")]
    private static partial void LogKept(ILogger logger, int year, string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "The holiday notice of {Year} loaded at {LoadedAt} was kept already, or a newer one")]
    private static partial void LogAlreadyKept(ILogger logger, int year, DateTimeOffset loadedAt);
}
