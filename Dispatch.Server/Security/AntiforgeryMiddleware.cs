using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Dispatch.Server.Security;

/// <summary>
/// A change made with the browser's cookie must carry the antiforgery token in <c>X-XSRF-TOKEN</c>, so another
/// site cannot make an operator's browser dispatch or edit. API-key calls carry no cookie and need none.
/// </summary>
public sealed class AntiforgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && context.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme }
            && !context.Request.Path.StartsWithSegments("/hubs"))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                var problem = TypedResults.Problem(
                    title: "缺少防伪令牌 / Missing antiforgery token",
                    detail: $"Changes made with a signed-in browser must send the token from GET /api/auth/antiforgery in the {AuthEndpoints.AntiforgeryHeader} header.",
                    statusCode: StatusCodes.Status400BadRequest);
                await problem.ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }
}
