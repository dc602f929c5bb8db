using System.Security.Claims;
using Dispatch.Server.Operations;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Dispatch.Server.Security;

/// <summary>Credentials as posted to <c>/api/auth/login</c>.</summary>
public sealed class LoginRequest
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
}

/// <summary>Who is signed in: what the browser app needs to choose its screen and scope.</summary>
public sealed record Me(string UserName, string DisplayName, string Role, string? Scope);

/// <summary>The antiforgery token the browser app sends back in <see cref="HeaderName"/> on every change.</summary>
public sealed record AntiforgeryToken(string Token, string HeaderName);

public static class AuthEndpoints
{
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";

    public static async Task<IResult> Login(HttpContext http, AccountService accounts, SessionStore sessions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonBody.ReadAsync<LoginRequest>(http.Request, 4 * 1024, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.UserName))
        {
            errors["userName"] = ["userName is required."];
        }

        if (string.IsNullOrEmpty(request?.Password))
        {
            errors["password"] = ["password is required."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "登录信息不完整 / Missing credentials");
        }

        var (decision, user) = await accounts.LoginAsync(request!.UserName!.Trim(), request.Password!, http.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        switch (decision.Outcome)
        {
            case LoginOutcome.Throttled:
                var seconds = (int)Math.Ceiling(decision.RetryAfter!.Value.TotalSeconds);
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    title: "尝试次数过多，请稍后再试 / Too many attempts: wait a moment",
                    detail: $"Too many failed sign-ins for this user name or from this address: try again in {seconds} s.",
                    statusCode: StatusCodes.Status429TooManyRequests);
            case LoginOutcome.Invalid:
                return TypedResults.Problem(
                    title: "用户名或密码错误 / Wrong user name or password",
                    detail: "The user name or password is wrong, or the account is disabled.",
                    statusCode: StatusCodes.Status401Unauthorized);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user!.UserName),
            new(ClaimTypes.GivenName, user.DisplayName),
            new(ClaimTypes.Role, user.Role),
        };
        if (user.Scope is not null)
        {
            claims.Add(new Claim(DispatchClaims.Scope, user.Scope));
        }

        var client = $"{http.Connection.RemoteIpAddress} {http.Request.Headers.UserAgent}".Trim();
        claims.Add(new Claim(DispatchClaims.Session, await sessions.CreateAsync(user.UserName, client, clock.GetUtcNow(), cancellationToken)));

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
        return TypedResults.Ok(new Me(user.UserName, user.DisplayName, user.Role, user.Scope));
    }

    public static async Task<IResult> Logout(HttpContext http, SessionStore sessions, SessionValidator validator, HubSessions hubs, TimeProvider clock)
    {
        // The session ends on the server, so a copy of the cookie kept elsewhere reads nothing more either.
        if (SessionValidator.IdHashOf(http.User) is { } idHash)
        {
            await sessions.RevokeAsync(idHash, clock.GetUtcNow(), http.RequestAborted);
            validator.Forget(idHash);
            hubs.Close(idHash);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    public static IResult CurrentUser(ClaimsPrincipal user) => TypedResults.Ok(MeOf(user));

    public static IResult Antiforgery(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken!, AntiforgeryHeader));
    }

    public static Me MeOf(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "",
        user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity?.Name ?? "",
        user.FindFirstValue(ClaimTypes.Role) ?? "",
        user.FindFirstValue(DispatchClaims.Scope));
}
