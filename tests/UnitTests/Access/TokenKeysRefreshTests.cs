using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.UnitTests.Access;

/// <summary>The token service's keys are read on the refresh interval whether or not any request comes.</summary>
public sealed class TokenKeysRefreshTests
{
    [Fact]
    public async Task The_keys_are_read_again_every_interval_without_a_request()
    {
        var keys = new CountingKeys();
        var bearer = new JwtBearerOptions { AutomaticRefreshInterval = TimeSpan.FromMinutes(5), ConfigurationManager = keys };
        var time = new FakeTimeProvider();
        using var refresh = new TokenKeysRefresh(new FixedMonitor(bearer), time, NullLogger<TokenKeysRefresh>.Instance);
        await refresh.StartAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, keys.Reads);

        time.Advance(TimeSpan.FromMinutes(1));
        await keys.ReadAtLeastAsync(1);
        time.Advance(TimeSpan.FromMinutes(5));
        await keys.ReadAtLeastAsync(2);
        Assert.Equal(keys.Reads, keys.Refreshes);

        await refresh.StopAsync(CancellationToken.None);
    }

    private sealed class FixedMonitor(JwtBearerOptions options) : IOptionsMonitor<JwtBearerOptions>
    {
        public JwtBearerOptions CurrentValue => options;

        public JwtBearerOptions Get(string? name) => options;

        public IDisposable? OnChange(Action<JwtBearerOptions, string?> listener) => null;
    }

    /// <summary>Stands in for the token service's metadata: counts how often the keys were asked for.</summary>
    private sealed class CountingKeys : IConfigurationManager<OpenIdConnectConfiguration>
    {
        private readonly SemaphoreSlim _read = new(0);
        private int _reads;
        private int _refreshes;

        public int Reads => Volatile.Read(ref _reads);

        public int Refreshes => Volatile.Read(ref _refreshes);

        public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
        {
            Interlocked.Increment(ref _reads);
            _read.Release();
            return Task.FromResult(new OpenIdConnectConfiguration());
        }

        public void RequestRefresh() => Interlocked.Increment(ref _refreshes);

        /// <summary>Waits (bounded) for the background loop to have read the keys <paramref name="count"/> times in all.</summary>
        public async Task ReadAtLeastAsync(int count)
        {
            while (Reads < count)
            {
                Assert.True(await _read.WaitAsync(TimeSpan.FromSeconds(10)), $"the keys were read {Reads} times, not {count}");
            }
        }
    }
}
