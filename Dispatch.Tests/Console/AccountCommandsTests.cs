using System.Net;
using System.Net.Http.Json;
using Dispatch.Tests.Support;
using Cli = Dispatch.Console.Program;

namespace Dispatch.Tests.Console;

/// <summary><c>dispatch users</c> and <c>dispatch apikeys</c> on a real database, checked through a real server.</summary>
[NonParallelizable]
public sealed class AccountCommandsTests
{
    [TestCase("Sqlite")]
    [TestCase("PostgreSql")]
    public async Task UsersAndKeys_MadeByTheCli_WorkOnTheServerUntilDisabledOrRevoked(string provider)
    {
        await using var running = await RunningServer.StartAsync(provider);
        var db = new[] { "--provider", provider, "--connection", running.Database.ConnectionString };

        var (added, addText) = await RunAsync(["users", "add", "duty-zhang", "--role", "Operator", "--scope", "330102007", "--name", "值班 张三", "--new-password", "zhang-secret-1", .. db]);
        var (_, listText) = await RunAsync(["users", "list", .. db]);
        var (created, keyText) = await RunAsync(["apikeys", "create", "sensor-gateway", .. db]);
        var secret = keyText.Trim().Split('\n')[^1].Trim();

        Assert.That((added, created), Is.EqualTo((0, 0)), addText + keyText);
        Assert.That(listText, Does.Contain("duty-zhang").And.Contain("330102007"));
        using (var session = await Session.SignInAsync(running.Address, "duty-zhang", "zhang-secret-1"))
        {
            Assert.That((await session.GetAsync("/api/incidents")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var sensor = Session.WithApiKey(running.Address, secret);
        Assert.That((await sensor.PostAsJsonAsync("/api/intake/alerts", new { alertId = "110-cli-key", receivedAt = DateTimeOffset.UtcNow.ToString("O"), description = "测试" })).StatusCode,
            Is.EqualTo(HttpStatusCode.Accepted));

        await RunAsync(["users", "disable", "duty-zhang", .. db]);
        await RunAsync(["apikeys", "revoke", "sensor-gateway", .. db]);
        var login = await running.Http.PostAsJsonAsync("/api/auth/login", new { userName = "duty-zhang", password = "zhang-secret-1" });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var refused = await Eventually.GetAsync(async () =>
        {
            var r = await sensor.PostAsJsonAsync("/api/intake/alerts", new { alertId = "110-cli-key-2", receivedAt = DateTimeOffset.UtcNow.ToString("O"), description = "测试" });
            return r.StatusCode == HttpStatusCode.Unauthorized ? "" : null;
        }, TimeSpan.FromSeconds(15), "the revoked key to be refused (keys are cached for 10 s)");
        Assert.That(refused, Is.Empty);
        var audit = await running.Database.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE actor LIKE 'cli:%'");
        Assert.That(audit, Is.EqualTo(5), "created, key created, disabled, its session ended, revoked");
    }

    [Test]
    public async Task UsersAdd_WithABadRoleOrShortPassword_ExitsOneNamingTheField()
    {
        await using var db = await TestDatabase.CreateAsync("Sqlite");

        var (exit, text) = await RunAsync(["users", "add", "x1", "--role", "Chief", "--new-password", "short", "--connection", db.ConnectionString]);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(text, Does.Contain("role").And.Contain("password"));
    }

    [Test]
    public async Task ResetPassword_ForAnUnknownUser_ExitsOne()
    {
        await using var db = await TestDatabase.CreateAsync("Sqlite");

        var (exit, text) = await RunAsync(["users", "reset-password", "ghost", "--connection", db.ConnectionString]);

        Assert.That((exit, text), Is.EqualTo((1, "no user ghost.\n")));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] args)
    {
        using var writer = new StringWriter();
        var exit = await Cli.RunAsync(args, writer, writer);
        return (exit, writer.ToString());
    }
}
