namespace PetitionPlatform.Hosting.Orchestration;

/// <summary>What an operator can ask of a running project (from the dashboard).</summary>
public enum ResourceCommand
{
    Start,
    Stop,
    Restart,
}
