namespace Dispatch.Server.Assignment.UseCases;

/// <summary>What kind of "no" a use case answers; the endpoint picks the HTTP status (<see cref="RefusalAnswer"/>).</summary>
public enum RefusalKind
{
    /// <summary>The input cannot be taken as it is; <see cref="Refusal.Errors"/> names the fields.</summary>
    Invalid,

    /// <summary>The thing does not exist, or not for this caller (out of scope reads the same).</summary>
    NotFound,

    /// <summary>The caller exists but may not do this to this thing.</summary>
    Forbidden,

    /// <summary>Not possible in the current state (closed incident, busy unit, step already past).</summary>
    Conflict,
}

/// <summary>Why a use case was not carried out, in words a person can act on; no HTTP in it.</summary>
public sealed record Refusal(
    RefusalKind Kind, string Title, string Detail, IReadOnlyDictionary<string, object?>? Extensions = null,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Refusal NotFound(string what) => new(RefusalKind.NotFound, "未找到 / Not found", $"{what} does not exist.");

    public static Refusal Invalid(IReadOnlyDictionary<string, string[]> errors, string title) =>
        new(RefusalKind.Invalid, title, string.Join(" ", errors.SelectMany(e => e.Value)), Errors: errors);

    public static Refusal Invalid(string field, string message, string title) => Invalid(new Dictionary<string, string[]> { [field] = [message] }, title);

    public static Refusal Conflict(string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(RefusalKind.Conflict, title, detail, extensions);
}

/// <summary>A use case's answer: the value, or why not.</summary>
public sealed record Outcome<T>(T? Value, Refusal? Refused)
    where T : class
{
    public static implicit operator Outcome<T>(Refusal refusal) => new(null, refusal);
}

/// <summary>Builds <see cref="Outcome{T}"/>s.</summary>
public static class Outcome
{
    public static Outcome<T> Done<T>(T value)
        where T : class => new(value, null);
}

/// <summary>Maps a <see cref="Refusal"/> to RFC 7807 problem details: the only place its HTTP status is chosen.</summary>
public static class RefusalAnswer
{
    public static IResult Problem(Refusal refusal) => refusal.Kind == RefusalKind.Invalid && refusal.Errors is { } errors
        ? TypedResults.ValidationProblem(errors, detail: refusal.Detail, title: refusal.Title)
        : TypedResults.Problem(title: refusal.Title, detail: refusal.Detail, statusCode: StatusOf(refusal.Kind), extensions: refusal.Extensions);

    public static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown refusal."),
    };
}
