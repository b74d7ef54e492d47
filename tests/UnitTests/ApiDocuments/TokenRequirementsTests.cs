using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using PetitionPlatform.ServiceDefaults.Access;
using PetitionPlatform.ServiceDefaults.ApiDocuments;

namespace PetitionPlatform.UnitTests.ApiDocuments;

/// <summary>How an API document says an operation uses a token, from the endpoint's metadata.</summary>
public sealed class TokenRequirementsTests
{
    [Fact]
    public void An_endpoint_naming_no_rule_needs_a_token_where_the_fallback_policy_asks_for_a_client()
    {
        Assert.Equal(TokenUse.Required, TokenRequirements.TokenUseOf([], fallbackPolicy: true));
        Assert.Equal(TokenUse.None, TokenRequirements.TokenUseOf([], fallbackPolicy: false));
    }

    [Fact]
    public void A_named_rule_needs_a_token_even_without_a_fallback_policy()
    {
        Assert.Equal(TokenUse.Required, TokenRequirements.TokenUseOf([new AuthorizeAttribute()], fallbackPolicy: false));
        Assert.Equal(TokenUse.Required,
            TokenRequirements.TokenUseOf([new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()], fallbackPolicy: false));
    }

    [Fact]
    public void Anonymous_wins_over_any_rule_as_in_the_authorization_middleware()
    {
        Assert.Equal(TokenUse.None, TokenRequirements.TokenUseOf([new AuthorizeAttribute(), new AllowAnonymousAttribute()], fallbackPolicy: true));
        Assert.Equal(TokenUse.None, TokenRequirements.TokenUseOf([new AllowAnonymousAttribute(), new AuthorizeAttribute()], fallbackPolicy: true));
    }

    [Fact]
    public void An_anonymous_endpoint_that_reads_the_signed_in_client_takes_a_token_optionally()
    {
        Assert.Equal(TokenUse.Optional, TokenRequirements.TokenUseOf([new AllowAnonymousAttribute(), Handler(nameof(ReadsCaller))], fallbackPolicy: true));
        Assert.Equal(TokenUse.None, TokenRequirements.TokenUseOf([new AllowAnonymousAttribute(), Handler(nameof(ReadsCode))], fallbackPolicy: true));
    }

    [Fact]
    public void What_only_the_platforms_own_services_may_call_without_a_token_needs_one_from_outside()
    {
        Assert.Equal(TokenUse.Required, TokenRequirements.TokenUseOf([new AllowAnonymousAttribute(), TokenAtGateway.Instance], fallbackPolicy: true));
    }

    private static MethodInfo Handler(string name) => typeof(TokenRequirementsTests).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!;

    // Handlers' shapes only: minimal APIs put the handler's MethodInfo in the endpoint's metadata.
    private static string ReadsCaller(string recipient, Caller? caller) => recipient + caller;

    private static string ReadsCode(string trackingCode) => trackingCode;
}
