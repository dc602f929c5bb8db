using System.Text.RegularExpressions;

namespace Dispatch.Server.Security;

/// <summary>
/// The headers every response carries. The Content-Security-Policy allows scripts from this server only (the
/// Vite-built pages have no inline script), so markup that slips into the page from data cannot run, and no other
/// site may frame a page. Swagger UI, documentation only, gets its own looser policy on <c>/swagger</c>.
/// </summary>
public static partial class SecurityHeaders
{
    public const string SwaggerPrefix = "/swagger";

    /// <summary>The policy of the app's pages; <paramref name="tileUrl"/> (<c>Map:TileUrl</c>) adds the tile host to img-src.</summary>
    public static string AppPolicy(string? tileUrl)
    {
        var tiles = TileSource(tileUrl);
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            // Leaflet positions every marker and label through element styles.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:" + (tiles is null ? "" : " " + tiles),
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "form-action 'self'");
    }

    /// <summary>Swagger UI's page: its bundled script and styles run inline, and it shows nothing from data as HTML.</summary>
    public const string SwaggerPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>
    /// The CSP source for a tile URL template: scheme and host, a Leaflet placeholder such as <c>{s}</c> in the host
    /// becoming a wildcard label. Null for none or a path on this server.
    /// </summary>
    public static string? TileSource(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl) || tileUrl.StartsWith('/'))
        {
            return null;
        }

        var match = OriginPattern().Match(tileUrl);
        if (!match.Success)
        {
            return null;
        }

        var host = PlaceholderPattern().Replace(match.Groups["host"].Value, "*");
        return $"{match.Groups["scheme"].Value.ToLowerInvariant()}://{host}";
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var appPolicy = AppPolicy(app.Configuration["Map:TileUrl"]);
        app.Use((context, next) =>
        {
            var policy = context.Request.Path.StartsWithSegments(SwaggerPrefix) ? SwaggerPolicy : appPolicy;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    [GeneratedRegex("^(?<scheme>https?)://(?<host>[^/?#]+)", RegexOptions.IgnoreCase)]
    private static partial Regex OriginPattern();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex PlaceholderPattern();
}
