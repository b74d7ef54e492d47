using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task A_body_over_the_limit_is_answered_413_as_a_problem()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();

        var handled = await new BadRequestProblem().TryHandleAsync(
            context, new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
    }

    [Fact]
    public async Task Other_exceptions_are_left_to_the_next_handler() =>
        Assert.False(await new BadRequestProblem().TryHandleAsync(new DefaultHttpContext(), new InvalidOperationException(), CancellationToken.None));
}
