namespace PetitionPlatform.Gateway;

/// <summary>Limits of the public entry, from the <c>Gateway</c> configuration section.</summary>
public sealed class GatewayOptions
{
    /// <summary>A petition's content is at most 20,000 characters; 1 MiB leaves room for every field and future attachments' metadata.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Sustained requests per second allowed to one client (or, without a token, one address).</summary>
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>Requests a client may send at once above the sustained rate (a portal loading a page, a batch import).</summary>
    public int Burst { get; set; } = 200;

    /// <summary>How long the aggregate <c>/health</c> waits for each service.</summary>
    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
