using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using PetitionPlatform.Data.Protection;
using PetitionPlatform.ServiceDefaults.Startup;

namespace PetitionPlatform.UnitTests.Data;

public sealed class KeyRingTests
{
    private static readonly byte[] s_first = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] s_second = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void A_sealed_value_opens_and_names_its_key_but_does_not_show_the_text()
    {
        var ring = new KeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = s_first });

        var sealedValue = ring.Seal("王建国");

        Assert.Equal("王建国", ring.Open(sealedValue));
        Assert.Equal("k1", KeyRing.KeyIdOf(sealedValue));
        Assert.True(sealedValue.AsSpan().IndexOf("王建国"u8) < 0, "the sealed value holds the text in clear");
        Assert.NotEqual(sealedValue, ring.Seal("王建国"));
    }

    [Fact]
    public void After_a_rotation_new_values_use_the_new_key_and_old_values_still_open()
    {
        var before = new KeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = s_first });
        var old = before.Seal("13800138000");
        var after = new KeyRing("k2", new Dictionary<string, byte[]> { ["k1"] = s_first, ["k2"] = s_second });

        var fresh = after.Seal("13800138000");

        Assert.Equal("k2", KeyRing.KeyIdOf(fresh));
        Assert.Equal("13800138000", after.Open(old));
        Assert.Equal("13800138000", after.Open(fresh));
        Assert.Throws<CryptographicException>(() => before.Open(fresh));
    }

    [Fact]
    public void A_changed_byte_or_a_foreign_value_does_not_open()
    {
        var ring = new KeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = s_first });
        var sealedValue = ring.Seal("110105194912310025");
        sealedValue[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => ring.Open(sealedValue));
        Assert.Throws<CryptographicException>(() => ring.Open([1, 2, 3]));
    }

    [Fact]
    public void Configuration_names_the_current_key_and_holds_every_key()
    {
        var configuration = Configuration(("PersonalData:CurrentKey", "k2"),
            ("PersonalData:Keys:k1", Convert.ToBase64String(s_first)), ("PersonalData:Keys:k2", Convert.ToBase64String(s_second)));

        var ring = KeyRing.FromConfiguration(configuration, "PersonalData");

        Assert.Equal("k2", ring.CurrentKeyId);
        Assert.Equal("x", ring.Open(new KeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = s_first }).Seal("x")));
    }

    [Theory]
    [InlineData(null, "k1")]
    [InlineData("k9", "k1")]
    [InlineData("k1", "k1", "c2hvcnQ=")]
    [InlineData("k1", "k1", "not base64!")]
    public void Unusable_keys_stop_the_service_with_a_sentence_naming_the_section(string? current, string id, string? key = null)
    {
        var configuration = Configuration(("PersonalData:CurrentKey", current), ($"PersonalData:Keys:{id}", key ?? Convert.ToBase64String(s_first)));

        var failure = Assert.Throws<StartupFailureException>(() => KeyRing.FromConfiguration(configuration, "PersonalData"));

        Assert.Contains("PersonalData", failure.Message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", failure.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
