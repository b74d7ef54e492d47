using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Api;

/// <summary>The leader who took the petition on (包案), when, and in which organisation.</summary>
public sealed record LeaderResponse(string Leader, string OrgId, DateTimeOffset At)
{
    public static LeaderResponse From(PetitionLeader leader) => new(leader.Leader, leader.OrgId, leader.TakenAt.InChina());
}
