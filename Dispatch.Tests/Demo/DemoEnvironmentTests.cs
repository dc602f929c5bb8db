using Dispatch.Tests.Support;

namespace Dispatch.Tests.Demo;

/// <summary>Demo accounts, key and feed never reach a real centre: in Production the server refuses to start with them.</summary>
[NonParallelizable]
public sealed class DemoEnvironmentTests
{
    [TestCase("Demo:Seed")]
    [TestCase("Demo:Feed")]
    public async Task Production_WithDemoSettings_RefusesToStartSayingWhy(string key)
    {
        var database = Path.Combine(Path.GetTempPath(), $"dispatch-demo-refused-{Guid.NewGuid():N}.db");
        await using var server = new ServerProcess(new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Dispatch"] = $"Data Source={database}",
            ["Bus:Transport"] = "InMemory",
            [key] = "true",
        });

        var refused = Assert.ThrowsAsync<InvalidOperationException>(server.StartAsync);

        Assert.That(refused!.Message, Does.Contain($"{key} is set in the Production environment").And.Contain("ASPNETCORE_ENVIRONMENT=Demo"));
        Assert.That(File.Exists(database) ? new FileInfo(database).Length : 0, Is.Zero, "nothing was created");
        File.Delete(database);
    }
}
