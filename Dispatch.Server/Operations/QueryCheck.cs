using System.Text;

namespace Dispatch.Server.Operations;

/// <summary>
/// The query string of every API request holds text, as a JSON body's strings do (see <see cref="TextCheck"/>):
/// bytes that are not UTF-8, control characters, bidi overrides and values longer than any parameter of ours are a
/// 400 naming the parameter. Without this, ASP.NET Core decodes a bad byte to U+FFFD and a filter such as
/// <c>?organisation=%00</c> answered 200 with nothing found, so the caller never learnt their request was mangled.
/// </summary>
public static class QueryCheck
{
    /// <summary>
    /// A backstop well above any parameter's own limit (the address register's 500 characters), so a route that
    /// checks its own says so in its own words, and one that does not still refuses a pasted page.
    /// </summary>
    public const int MaxValueLength = 4000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Pure: the first parameter of a raw query string (with or without '?') that must be refused, and why.</summary>
    public static (string Parameter, string Problem)? FirstForbidden(string rawQuery)
    {
        foreach (var pair in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            var shown = name is not null && TextCheck.Why(name) is null ? name : "query";
            if (name is null || value is null)
            {
                return (shown, "is not valid UTF-8 text (a lone surrogate or a byte such as %FF).");
            }

            if (TextCheck.Why(name) is { } nameProblem)
            {
                return (shown, "has a name that " + nameProblem);
            }

            if (TextCheck.Why(value) is { } problem)
            {
                return (shown, problem);
            }

            if (value.Length > MaxValueLength)
            {
                return (shown, $"is {value.Length} characters; no parameter takes more than {MaxValueLength}.");
            }
        }

        return null;
    }

    public static IApplicationBuilder UseQueryCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api") && context.Request.QueryString.HasValue
            && FirstForbidden(context.Request.QueryString.Value!) is { } forbidden)
        {
            await Problems.Invalid(
                new Dictionary<string, string[]> { [forbidden.Parameter] = [$"{forbidden.Parameter} {forbidden.Problem} Send plain text."] },
                "请求参数有误 / Invalid parameter").ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    /// <summary>Percent- and '+'-decodes strictly: null when the bytes are not UTF-8.</summary>
    private static string? Decode(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                bytes.Add(Convert.ToByte(encoded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        try
        {
            return StrictUtf8.GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
