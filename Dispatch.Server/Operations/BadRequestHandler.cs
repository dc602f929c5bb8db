using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Dispatch.Server.Operations;

/// <summary>
/// A query or route value that does not bind (<c>?page=abc</c>) is a 400 problem naming the parameter, in every
/// environment: by default it is a 500 in Development and a bare "Bad Request" in Production.
/// </summary>
public sealed partial class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var match = ParameterPattern().Match(bad.Message);
        IResult problem = match.Success
            ? TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [match.Groups["name"].Value] = [$"'{match.Groups["value"].Value}' is not a valid {match.Groups["name"].Value}: {match.Groups["type"].Value.TrimEnd('?')} expected."] },
                detail: $"The parameter {match.Groups["name"].Value} has an invalid value.",
                title: "请求参数有误 / Invalid parameter")
            : TypedResults.Problem(title: "请求有误 / Bad request", detail: bad.Message, statusCode: bad.StatusCode);
        await problem.ExecuteAsync(httpContext);
        return true;
    }

    // Minimal APIs word it: Failed to bind parameter "int? page" from "abc".
    [GeneratedRegex(@"parameter ""(?:Nullable<)?(?<type>[^ >""]+)>? (?<name>\w+)"" from ""(?<value>[^""]*)""")]
    private static partial Regex ParameterPattern();
}
