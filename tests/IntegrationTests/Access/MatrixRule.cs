namespace PetitionPlatform.IntegrationTests.Access;

/// <summary>What a cell of the matrix must answer.</summary>
public enum Outcome
{
    /// <summary>The request is carried out or judged on its merits (a 400 or 409 included): not 401, 403, 404 or a 5xx.</summary>
    Allowed,

    /// <summary>404, exactly as an unknown id (ACCESS.md rule 1: out of reach).</summary>
    Hidden,

    /// <summary>403: in reach, but not for this role, or not in another organisation's name.</summary>
    Forbidden,

    /// <summary>401: no valid token.</summary>
    Unauthenticated,

    /// <summary>A 5xx: never a cell's answer, whoever calls.</summary>
    Failed,
}

/// <summary>An endpoint's rule, as one expected outcome per caller.</summary>
public sealed class MatrixRule
{
    private readonly Func<MatrixCaller, Outcome> _expected;

    private MatrixRule(Func<MatrixCaller, Outcome> expected) => _expected = expected;

    public Outcome For(MatrixCaller caller) => _expected(caller);

    /// <summary>Anyone, with or without a token: reference data, and what the query code in the request opens.</summary>
    public static MatrixRule Open { get; } = new(_ => Outcome.Allowed);

    /// <summary>Any signed-in client (the Development-only diagnostics).</summary>
    public static MatrixRule AnyClient { get; } = Only(MatrixCallers.All.Where(c => c.HasToken).ToArray(), Outcome.Forbidden);

    /// <summary>
    /// <paramref name="allowed"/> may; <paramref name="forbidden"/> are told 403 and <paramref name="hidden"/> 404; every
    /// other client gets <paramref name="others"/>; a request without a valid token 401.
    /// </summary>
    public static MatrixRule Only(MatrixCaller[] allowed, Outcome others, MatrixCaller[]? forbidden = null, MatrixCaller[]? hidden = null) =>
        new(caller =>
            !caller.HasToken ? Outcome.Unauthenticated
            : allowed.Contains(caller) ? Outcome.Allowed
            : forbidden?.Contains(caller) == true ? Outcome.Forbidden
            : hidden?.Contains(caller) == true ? Outcome.Hidden
            : others);
}
