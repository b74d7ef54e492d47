using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace PetitionPlatform.ServiceDefaults.Problems;

/// <summary>
/// A request the framework itself could not read (<see cref="BadHttpRequestException"/>: a route or query parameter
/// that does not bind to its type, a body over the server's limit) answers its own status (400, 413) as a problem naming
/// the parameter, never a 500 (the exception handler's default for any exception) nor a bare 400 without a body.
/// Every service and the gateway get it from ServiceDefaults, with minimal APIs told to throw on bad requests in every
/// environment (<see cref="Microsoft.AspNetCore.Routing.RouteHandlerOptions.ThrowOnBadRequest"/>), so that the answer
/// is the same in Production as in Development.
/// </summary>
public sealed partial class BadRequestProblem : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }

        var (field, message) = Describe(bad);
        var problem = bad.StatusCode == StatusCodes.Status400BadRequest
            ? (IResult)Problem.Invalid(field, message)
            : TypedResults.Problem(statusCode: bad.StatusCode, title: Problem.InvalidTitle, detail: message,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });
        await problem.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>
    /// The field and what is wrong with it. The framework names the parameter only in its message
    /// (<c>Failed to bind parameter "Nullable&lt;Guid&gt; petitionId" from "…"</c>); the value itself is not echoed back,
    /// since it may be any length and any text.
    /// </summary>
    public static (string Field, string Message) Describe(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ("body", "The body is larger than this server accepts.");
        }

        if (ParameterOf().Match(exception.Message) is { Success: true } parameter)
        {
            var type = parameter.Groups["type"].Value is var raw && raw.StartsWith("Nullable<", StringComparison.Ordinal) ? raw[9..^1] : raw;
            return (parameter.Groups["name"].Value, $"Not a valid value: {Friendly(type)} expected.");
        }

        return ("request", "The request cannot be read as sent.");
    }

    private static string Friendly(string type) => type switch
    {
        "Guid" => "an id (a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e)",
        "Int32" or "Int64" or "int" or "long" => "a whole number",
        "DateTimeOffset" or "DateTime" => "an instant with its offset (2026-01-01T00:00:00+08:00)",
        "DateOnly" => "a date (2026-01-01)",
        "Boolean" or "bool" => "true or false",
        _ => $"a {type}",
    };

    [GeneratedRegex("parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\"")]
    private static partial Regex ParameterOf();
}
