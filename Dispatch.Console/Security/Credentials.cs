using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dispatch.Console.Security;

/// <summary>
/// Who the CLI is when it talks to a server: an API key for intake (the 110 platform's role), or a user who signs
/// in for everything else. From <c>--api-key</c> / <c>--user</c> / <c>--password</c> on any verb, else the
/// environment (<c>DISPATCH_API_KEY</c>, <c>DISPATCH_USER</c>, <c>DISPATCH_PASSWORD</c>), so secrets need not
/// appear in shell history.
/// </summary>
public sealed record Credentials(string? ApiKey, string? User, string? Password)
{
    public const string ApiKeyVariable = "DISPATCH_API_KEY";
    public const string UserVariable = "DISPATCH_USER";
    public const string PasswordVariable = "DISPATCH_PASSWORD";

    private static readonly AsyncLocal<Credentials?> Ambient = new();

    public static readonly Option<string?> ApiKeyOption = new("--api-key")
    {
        Description = $"API key for intake verbs (default: ${ApiKeyVariable}).",
        Recursive = true,
    };

    public static readonly Option<string?> UserOption = new("--user")
    {
        Description = $"User to sign in as for verbs that call the server (default: ${UserVariable}).",
        Recursive = true,
    };

    public static readonly Option<string?> PasswordOption = new("--password")
    {
        Description = $"That user's password (default: ${PasswordVariable}).",
        Recursive = true,
    };

    /// <summary>The credentials of the command line being run (set by <see cref="Program.RunAsync"/>).</summary>
    public static Credentials Current => Ambient.Value ?? FromEnvironment();

    public static void Use(ParseResult parse)
    {
        var environment = FromEnvironment();
        Ambient.Value = new Credentials(
            parse.GetValue(ApiKeyOption) ?? environment.ApiKey,
            parse.GetValue(UserOption) ?? environment.User,
            parse.GetValue(PasswordOption) ?? environment.Password);
    }

    private static Credentials FromEnvironment() => new(
        Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } key ? key : null,
        Environment.GetEnvironmentVariable(UserVariable) is { Length: > 0 } user ? user : null,
        Environment.GetEnvironmentVariable(PasswordVariable));
}

/// <summary>
/// Adds the credentials to every request: the API key header, or the session of a user signed in once, on the
/// first request (cookies carried by hand — the session cookie is Secure, which a cookie container withholds
/// over plain http — and the antiforgery token that changes need). A refused sign-in is returned as the answer
/// to the request, so the verb prints the server's own problem.
/// </summary>
public sealed class CredentialsHandler(Credentials credentials) : DelegatingHandler
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Cookie, string Token)? session;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (credentials.ApiKey is { } key)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        else if (credentials.User is { } user)
        {
            var (cookie, token, refused) = await SignInAsync(request.RequestUri!, user, cancellationToken);
            if (refused is not null)
            {
                return refused;
            }

            request.Headers.Add("Cookie", cookie);
            request.Headers.Add("X-XSRF-TOKEN", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gate.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<(string Cookie, string Token, HttpResponseMessage? Refused)> SignInAsync(Uri any, string user, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (session is { } known)
            {
                return (known.Cookie, known.Token, null);
            }

            var server = new Uri(any.GetLeftPart(UriPartial.Authority));
            using var login = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "/api/auth/login"))
            {
                Content = JsonContent.Create(new { userName = user, password = credentials.Password ?? "" }),
            };
            var answer = await base.SendAsync(login, cancellationToken);
            if (answer.StatusCode != HttpStatusCode.OK)
            {
                return ("", "", answer);
            }

            var cookie = Cookies(answer);
            using var tokenRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(server, "/api/auth/antiforgery"));
            tokenRequest.Headers.Add("Cookie", cookie);
            using var tokenAnswer = await base.SendAsync(tokenRequest, cancellationToken);
            var token = (await tokenAnswer.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("token").GetString() ?? "";
            session = (cookie + "; " + Cookies(tokenAnswer), token);
            return (session.Value.Cookie, session.Value.Token, null);
        }
        finally
        {
            gate.Release();
        }
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);
}
