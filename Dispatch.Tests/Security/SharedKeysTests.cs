using System.Net;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Security;

/// <summary>Several nodes on one database read each other's session cookies: no sticky sessions needed.</summary>
[NonParallelizable]
public sealed class SharedKeysTests
{
    [Test]
    public async Task CookieIssuedByOneNode_IsAcceptedByAnotherOnTheSameDatabase()
    {
        await using var first = await RunningServer.StartAsync("PostgreSql");
        await using var second = new DispatchApp(first.Database);
        var secondAddress = second.StartOnRealPort();
        var cookie = await Session.SignInCookieAsync(first.Address, "operator", Session.DemoPassword);
        using var onSecond = new HttpClient { BaseAddress = secondAddress };
        onSecond.DefaultRequestHeaders.Add("Cookie", cookie);

        var response = await onSecond.GetAsync("/api/auth/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await first.Database.ScalarAsync<int>("SELECT COUNT(*) FROM data_protection_keys"), Is.EqualTo(1));
    }
}
