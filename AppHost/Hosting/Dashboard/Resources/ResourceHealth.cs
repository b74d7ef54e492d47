namespace PetitionPlatform.Hosting.Dashboard.Resources;

public enum HealthStatus
{
    Healthy,
    Unhealthy,

    /// <summary>Not running, or not checked since it (re)started.</summary>
    Unknown,
}

/// <summary>What the dashboard last learned about a resource's health, and when (null for what is read on the spot).</summary>
internal sealed record ResourceHealth(HealthStatus Status, string Detail, DateTimeOffset? CheckedAt = null);
