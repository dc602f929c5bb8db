using System.Net.Http.Json;
using System.Text.Json;

namespace Dispatch.Tests.Support;

/// <summary>
/// A signed-in browser session over HttpClient: the session cookie is Secure, which HttpClient's cookie
/// container will not send over plain http, so the cookies are carried by hand; changes carry the antiforgery
/// token as the browser app does.
/// </summary>
public static class Session
{
    public const string DemoPassword = "demo-password-1";
    public const string DemoApiKey = "dk_test_demo_key_0123456789";

    /// <summary>Settings that make the server create the demo accounts with known secrets.</summary>
    public static readonly IReadOnlyDictionary<string, string> DemoSettings = new Dictionary<string, string>
    {
        ["Demo:Seed"] = "true",
        ["Demo:Password"] = DemoPassword,
        ["Demo:ApiKey"] = DemoApiKey,
    };

    public static async Task<HttpClient> SignInAsync(Uri server, string userName, string password = DemoPassword)
    {
        var cookies = await SignInCookieAsync(server, userName, password);
        var client = new HttpClient { BaseAddress = server };
        client.DefaultRequestHeaders.Add("Cookie", cookies);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/antiforgery");
        var antiforgery = await client.SendAsync(request);
        if (!antiforgery.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"No antiforgery token for {userName}: {(int)antiforgery.StatusCode} {await antiforgery.Content.ReadAsStringAsync()}");
        }

        var token = (await antiforgery.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        client.DefaultRequestHeaders.Remove("Cookie");
        client.DefaultRequestHeaders.Add("Cookie", cookies + "; " + CookiesOf(antiforgery));
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", token);
        return client;
    }

    /// <summary>
    /// Signs in and answers the session cookie as a Cookie header value: enough for reads and for the hub's
    /// WebSocket, which carries no antiforgery token.
    /// </summary>
    public static async Task<string> SignInCookieAsync(Uri server, string userName, string password = DemoPassword)
    {
        using var anonymous = new HttpClient { BaseAddress = server };
        using var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName, password });
        if (!login.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Login as {userName} failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        }

        return CookiesOf(login);
    }

    public static HttpClient WithApiKey(Uri server, string key = DemoApiKey)
    {
        var client = new HttpClient { BaseAddress = server };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>
    /// A command line with the credentials a person would give it: the API key for the intake verbs (the 110
    /// platform's role), the admin user for everything else. Arguments that already name credentials are kept.
    /// </summary>
    public static string[] CliArgs(string[] args)
    {
        if (args.Contains("--api-key") || args.Contains("--user") || args.Length == 0)
        {
            return args;
        }

        return args[0] is "alert" or "grid-event"
            ? [.. args, "--api-key", DemoApiKey]
            : [.. args, "--user", "admin", "--password", DemoPassword];
    }

    /// <summary>Runs <c>dispatch</c> in-process with <see cref="CliArgs"/>: its exit code, what it printed and what it reported.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunCliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Dispatch.Console.Program.RunAsync(CliArgs(args), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>"name=value" pairs of the response's Set-Cookie headers, as a Cookie header value.</summary>
    public static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0])
            : []);
}
