using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.SignalR;
using Microsoft.OpenApi;

namespace Dispatch.Server.Security;

public static class SecuritySetup
{
    public const string CombinedScheme = "Dispatch";
    public const string LoginRateLimit = "login";
    public const string IntakeRateLimit = "intake";

    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<AccountService>();
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<SignInThrottleStore>();
        builder.Services.AddSingleton<SessionValidator>();
        builder.Services.AddSingleton<HubSessions>();
        builder.Services.AddSingleton<SessionHubFilter>();
        builder.Services.AddHostedService<SessionWatcher>();
        builder.Services.Configure<HubOptions>(o => o.AddFilter<SessionHubFilter>());

        // One key ring for all nodes, in the database (see DatabaseKeyRepository).
        builder.Services.AddDataProtection().SetApplicationName("Dispatch");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(
                services.GetRequiredService<Storage.Database>(), services.GetRequiredService<TimeProvider>())));

        var secure = options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        builder.Services.AddAuthentication(CombinedScheme)
            .AddPolicyScheme(CombinedScheme, "Cookie or API key", p => p.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "dispatch.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = secure;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(options.SessionHours);
                o.SlidingExpiration = true;
                // The cookie is only a pointer to a server-side session, which sign-out, a reset or an admin ends.
                o.Events.OnValidatePrincipal = SessionValidator.ValidatePrincipal;
                // An API answers 401/403; it never redirects to a login page.
                o.Events.OnRedirectToLogin = c => WriteProblem(c.HttpContext, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => WriteProblem(c.HttpContext, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Intake, p => p.RequireRole(Roles.Machine, Roles.Operator, Roles.Admin))
            .AddPolicy(Policies.Operate, p => p.RequireRole(Roles.Operator))
            .AddPolicy(Policies.Read, p => p.RequireRole(Roles.Operator, Roles.Supervisor, Roles.Admin))
            .AddPolicy(Policies.Respond, p => p.RequireRole(Roles.Responder))
            .AddPolicy(Policies.Field, p => p.RequireRole(Roles.Responder, Roles.Operator))
            .AddPolicy(Policies.Handle, p => p.RequireRole(Roles.DepartmentHandler))
            .AddPolicy(Policies.Supervise, p => p.RequireRole(Roles.Supervisor, Roles.Admin))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Command, p => p.RequireRole(Roles.Operator, Roles.Supervisor))
            .AddPolicy(Policies.People, p => p.RequireRole(Roles.People))
            .AddPolicy(Policies.Position, p => p.RequireRole(Roles.Responder, Roles.Machine))
            .AddPolicy(Policies.Metrics, p => p.RequireAssertion(context =>
                context.User.IsInRole(Roles.Supervisor) || context.User.IsInRole(Roles.Admin)
                || (context.Resource is HttpContext http && MetricsToken.Matches(http, builder.Configuration["Operations:MetricsToken"]))))
            // Whatever a stage forgets to say, nobody anonymous gets in.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = AuthEndpoints.AntiforgeryHeader;
            o.Cookie.Name = "dispatch.xsrf";
            // Antiforgery refuses to issue an Always-secure cookie over plain http (local runs, tests); this
            // cookie is only half of a token pair, not a credential, so it follows the request.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await TypedResults.Problem(
                    title: "请求过于频繁 / Too many requests",
                    detail: "Slow down and retry after the time in the Retry-After header.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            };
            o.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(IntakeRateLimit, context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.FindFirst(DispatchClaims.ApiKeyId)?.Value ?? context.User.Identity?.Name ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.IntakePerSecond * 2,
                    TokensPerPeriod = options.IntakePerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
        });
        return builder;
    }

    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.UseHubOriginCheck(app.Services.GetRequiredService<SecurityOptions>());
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<AntiforgeryMiddleware>();
        return app;
    }

    public static WebApplication MapSecurity(this WebApplication app)
    {
        // People only: an API key reaches intake and positions, never sessions or tokens.
        var auth = app.MapGroup("/api/auth").WithTags("Security");
        auth.MapPost("/login", AuthEndpoints.Login).AllowAnonymous().RequireRateLimiting(LoginRateLimit)
            .WithName("Login").WithSummary("Sign in with user name and password; sets the session cookie.")
            // Documented by hand rather than with Accepts: Accepts lets routing answer another content type with an
            // endpoint of its own, which is not anonymous, so a stranger's text/plain sign-in read "not signed in"
            // instead of the handler's 415.
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) => operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(LoginRequest), null, cancellationToken) },
                },
            })
            .Produces<Me>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/logout", AuthEndpoints.Logout).RequireAuthorization(Policies.People).WithName("Logout").Produces(StatusCodes.Status204NoContent);
        auth.MapGet("/me", AuthEndpoints.CurrentUser).RequireAuthorization(Policies.People).WithName("CurrentUser").Produces<Me>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapGet("/antiforgery", AuthEndpoints.Antiforgery).RequireAuthorization(Policies.People).WithName("Antiforgery").Produces<AntiforgeryToken>();
        return app;
    }

    private static Task WriteProblem(HttpContext context, int status) =>
        TypedResults.Problem(
            title: status == StatusCodes.Status401Unauthorized ? "未登录 / Not signed in" : "无权访问 / Not allowed",
            detail: status == StatusCodes.Status401Unauthorized
                ? "Sign in with POST /api/auth/login, or send an API key in X-Api-Key."
                : "Your role or scope does not allow this.",
            statusCode: status).ExecuteAsync(context);
}
