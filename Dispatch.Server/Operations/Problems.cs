using System.Text.Json;

namespace Dispatch.Server.Operations;

/// <summary>
/// RFC 7807 answers for input we cannot take, worded so that the person at the other end knows what to fix.
/// Titles are bilingual: the 110 platform's integrators and our operators read Chinese first.
/// </summary>
public static class Problems
{
    public static IResult MalformedJson(JsonException exception)
    {
        var field = FieldFromPath(exception.Path);
        var where = exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})" : "";
        var detail = field is null
            ? $"The body is not valid JSON{where}: {FirstSentence(exception.Message)}"
            : $"'{field}' has the wrong type or an invalid value{where}.";
        if (field is not null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [detail] },
                detail: detail,
                title: "请求格式有误 / The request body is malformed");
        }

        return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest,
            title: "请求格式有误 / The request body is malformed");
    }

    public static IResult UnknownField(string field) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [$"'{field}' is not a field of this request; check its spelling."] },
        detail: $"'{field}' is not a field of this request; check its spelling.",
        title: "请求含未知字段 / The request has an unknown field");

    public static IResult TooLarge(long limit) => TypedResults.Problem(
        detail: $"The body is larger than the {limit / 1024} KiB this endpoint accepts.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "请求过大 / The request is too large");

    public static IResult UnsupportedMediaType() => TypedResults.Problem(
        detail: "Send the body as JSON with Content-Type: application/json.",
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "不支持的内容类型 / Unsupported content type");

    public static IResult Invalid(IReadOnlyDictionary<string, string[]> errors, string title) => TypedResults.ValidationProblem(
        errors,
        detail: string.Join(" ", errors.SelectMany(e => e.Value)),
        title: title);

    public static IResult BusUnavailable() => TypedResults.Problem(
        detail: "The message bus did not take the message; nothing was accepted. Send it again shortly.",
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "消息总线不可用 / The message bus is unavailable");

    public static IResult NotFound(string what) => TypedResults.Problem(
        detail: $"{what} does not exist.",
        statusCode: StatusCodes.Status404NotFound,
        title: "未找到 / Not found");

    /// <summary>"$.location.lat" → "location.lat"; "$" or null → null.</summary>
    internal static string? FieldFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? null : field;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}
