using Microsoft.AspNetCore.Http;
using PetitionPlatform.ServiceDefaults.Problems;

namespace PetitionPlatform.UnitTests.Problems;

public sealed class BadRequestProblemTests
{
    [Theory]
    [InlineData("Failed to bind parameter \"Nullable<Guid> petitionId\" from \"1e309\".", "petitionId", "an id")]
    [InlineData("Failed to bind parameter \"Int32 limit\" from \"99999999999999999999\".", "limit", "a whole number")]
    [InlineData("Required parameter \"string orgId\" was not provided from query string.", "orgId", "a string")]
    public void A_parameter_that_does_not_bind_is_named_with_what_it_takes(string message, string field, string expected)
    {
        var (named, text) = BadRequestProblem.Describe(new BadHttpRequestException(message, StatusCodes.Status400BadRequest));

        Assert.Equal(field, named);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("99999999999999999999", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_over_the_limit_names_the_body() =>
        Assert.Equal("body", BadRequestProblem.Describe(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge)).Field);

    [Fact]
    public void Anything_else_the_server_could_not_read_names_the_request() =>
        Assert.Equal("request", BadRequestProblem.Describe(new BadHttpRequestException("Unexpected end of request content.")).Field);
}
