using Microsoft.AspNetCore.Http.HttpResults;
using PetitionPlatform.ServiceDefaults.Access;
using PetitionPlatform.ServiceDefaults.Problems;

namespace PetitionPlatform.Supervision.Api;

internal static class SupervisionProblems
{
    /// <summary>
    /// 403 for a region or unit the caller does not oversee: the request named it, so saying so reveals no petition.
    /// </summary>
    public static ProblemHttpResult NotOverseen(Caller caller, string regionOrUnit) =>
        Problem.Forbidden($"'{regionOrUnit}' is outside what '{caller.Org}' oversees with its roles (ACCESS.md).");
}
