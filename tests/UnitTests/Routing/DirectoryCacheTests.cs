using Microsoft.Extensions.Time.Testing;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.Routing.Data.Seed;
using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.UnitTests.Routing;

/// <summary>The directory is read once and kept for a minute, then read again; readers that find it stale together share one read.</summary>
public sealed class DirectoryCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
    private int _reads;

    [Fact]
    public async Task The_directory_is_read_once_while_fresh_and_again_once_it_is_a_minute_old()
    {
        using var cache = new DirectoryCache(_time);

        var first = await cache.GetAsync(ReadAsync, CancellationToken.None);
        _time.Advance(DirectoryCache.FreshFor - TimeSpan.FromSeconds(1));
        Assert.Same(first, await cache.GetAsync(ReadAsync, CancellationToken.None));
        Assert.Equal(1, _reads);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.NotSame(first, await cache.GetAsync(ReadAsync, CancellationToken.None));
        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task Readers_that_find_it_stale_together_wait_for_one_read()
    {
        using var cache = new DirectoryCache(_time);
        var release = new TaskCompletionSource();
        async Task<OrgDirectory> SlowReadAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref _reads);
            await release.Task;
            return DirectorySeed.Load().ToDirectory();
        }

        var readers = Enumerable.Range(0, 4).Select(_ => cache.GetAsync(SlowReadAsync, CancellationToken.None)).ToList();
        release.SetResult();
        var directories = await Task.WhenAll(readers);

        Assert.Equal(1, _reads);
        Assert.All(directories, directory => Assert.Same(directories[0], directory));
    }

    [Fact]
    public async Task A_failed_read_is_not_kept()
    {
        using var cache = new DirectoryCache(_time);

        await Assert.ThrowsAsync<TimeoutException>(() => cache.GetAsync(_ => throw new TimeoutException(), CancellationToken.None));

        await cache.GetAsync(ReadAsync, CancellationToken.None);
        Assert.Equal(1, _reads);
    }

    private Task<OrgDirectory> ReadAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult(DirectorySeed.Load().ToDirectory());
    }
}
