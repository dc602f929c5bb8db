using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Security;

/// <summary>Signing in and out against the real server with the demo accounts.</summary>
[NonParallelizable]
public sealed class AuthEndpointsTests
{
    private RunningServer running = null!;

    [OneTimeSetUp]
    public async Task Start() => running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings)
    {
        ["Security:LoginAttemptsPerMinute"] = "1000",
    });

    [OneTimeTearDown]
    public async Task Stop() => await running.DisposeAsync();

    [Test]
    public async Task Login_WithTheRightPassword_SetsAHardenedCookieAndMeAnswers()
    {
        var login = await running.Http.PostAsJsonAsync("/api/auth/login", new { userName = "operator", password = Session.DemoPassword });

        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dispatch.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.That(cookie, Does.Contain("httponly").And.Contain("secure").And.Contain("samesite=strict"));
        using var session = await Session.SignInAsync(running.Address, "operator");
        var me = await session.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.That(me.GetProperty("role").GetString(), Is.EqualTo("Operator"));
        Assert.That(me.GetProperty("scope").GetString(), Is.EqualTo("330102007"));
    }

    [Test]
    public async Task Login_ForAnUnknownUser_Answers401LikeAWrongPassword()
    {
        var response = await running.Http.PostAsJsonAsync("/api/auth/login", new { userName = "nobody", password = "whatever-it-is" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Me_WithoutSigningIn_Answers401Problem()
    {
        var response = await running.Http.GetAsync("/api/auth/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), Does.Contain("/api/auth/login"));
    }

    [Test]
    public async Task Logout_WithTheCookieButWithoutTheAntiforgeryToken_IsRefused()
    {
        using var session = await Session.SignInAsync(running.Address, "supervisor");
        session.DefaultRequestHeaders.Remove("X-XSRF-TOKEN");

        var response = await session.PostAsync("/api/auth/logout", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), Does.Contain("X-XSRF-TOKEN"));
    }

    [Test]
    public async Task Logout_WithTheToken_EndsTheSession()
    {
        using var session = await Session.SignInAsync(running.Address, "admin");

        var response = await session.PostAsync("/api/auth/logout", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("dispatch.auth=;", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public async Task ApiKey_WhenValid_AuthenticatesTheMachineButNoSessionRoute_AndWhenUnknown_Answers401()
    {
        using var machine = Session.WithApiKey(running.Address);
        using var stranger = Session.WithApiKey(running.Address, "dk_not_a_key");

        var me = await machine.GetAsync("/api/auth/me");
        var refused = await stranger.GetAsync("/api/auth/me");

        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "known, but a machine has no session");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Login_WhenAttemptsExceedTheRate_Answers429()
    {
        await using var strict = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings) { ["Security:LoginAttemptsPerMinute"] = "3" });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await strict.Http.PostAsJsonAsync("/api/auth/login", new { userName = "nobody", password = "whatever-it-is" })).StatusCode);
        }

        Assert.That(statuses.Take(3), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(statuses.Skip(3), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
    }
}
