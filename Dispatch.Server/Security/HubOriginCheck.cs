namespace Dispatch.Server.Security;

/// <summary>
/// The hubs refuse a browser on another origin: WebSocket handshakes are not bound by CORS and carry the user's
/// cookie, so without this any page of a neighbouring origin could open <c>/hubs/command</c> as the operator and
/// read the live feed. A request with no Origin (a CLI, a server) is left to authentication.
/// </summary>
public static class HubOriginCheck
{
    public const string HubPrefix = "/hubs";

    /// <summary>Pure: whether <paramref name="origin"/> may reach a hub served as <paramref name="host"/>.</summary>
    public static bool Allows(string? origin, string host, IReadOnlyCollection<string> allowedOrigins)
    {
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        if (allowedOrigins.Any(a => string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // "null" (a sandboxed frame, a file) and anything unparseable are other origins.
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && string.Equals(uri.IsDefaultPort ? uri.Host : uri.Authority, host, StringComparison.OrdinalIgnoreCase);
    }

    public static WebApplication UseHubOriginCheck(this WebApplication app, SecurityOptions options)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(HubPrefix)
                && !Allows(context.Request.Headers.Origin.ToString(), context.Request.Host.Value ?? "", options.AllowedOrigins))
            {
                await TypedResults.Problem(
                    title: "来源不被允许 / Origin not allowed",
                    detail: "The live hubs answer pages of this server only; add another origin to Security:AllowedOrigins to allow it.",
                    statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        return app;
    }
}
