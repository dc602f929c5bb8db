using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Console;

/// <summary><c>dispatch organisations import</c> and <c>dispatch units import</c> against a real server (SQLite, no demo data), run in-process.</summary>
[NonParallelizable]
public sealed class ReferenceImportCommandsTests
{
    private RunningServer running = null!;
    private string server = null!;
    private string directory = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        running = await RunningServer.StartAsync();
        server = running.Address.ToString();
        directory = Directory.CreateTempSubdirectory("dispatch-import-cli-").FullName;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await running.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task Import_TheDemoFiles_CreatesEveryOrganisationAndUnit_AndAgainReplacesThem()
    {
        var organisations = await Session.RunCliAsync("organisations", "import", TestEnvironment.RepoFile("infra/geo/organisations.json"), "--server", server);
        var units = await Session.RunCliAsync("units", "import", TestEnvironment.RepoFile("infra/geo/units.json"), "--server", server);
        var again = await Session.RunCliAsync("units", "import", TestEnvironment.RepoFile("infra/geo/units.json"), "--server", server);

        Assert.That(organisations.ExitCode, Is.EqualTo(0), organisations.Error);
        Assert.That(organisations.Output, Does.Contain("24 of 24 organisation(s) imported 已导入"));
        Assert.That(units.ExitCode, Is.EqualTo(0), units.Error);
        Assert.That(units.Output, Does.Contain("[1/24] YF-PC01 created").And.Contain("24 of 24 unit(s) imported 已导入 (24 created, 0 replaced)"));
        Assert.That(again.Output, Does.Contain("(0 created, 24 replaced)"));
        using var admin = await running.AsAsync("admin");
        var stored = await admin.GetFromJsonAsync<JsonElement>("/api/units?organisation=PS-YUNFENG");
        Assert.That(stored.EnumerateArray().Select(u => u.GetProperty("code").GetString()), Has.Member("YF-PC01"));
        Assert.That(stored.EnumerateArray().Select(u => u.GetProperty("position").ValueKind), Is.All.EqualTo(JsonValueKind.Null),
            "the file's starting points are not positions any unit reported");
    }

    [Test]
    public async Task Import_WhenSomeUnitsAreWrong_ImportsTheOthersAndNamesEachProblem_ExitingOne()
    {
        await Session.RunCliAsync("organisations", "import", TestEnvironment.RepoFile("infra/geo/organisations.json"), "--server", server);
        var file = Path.Combine(directory, "units.json");
        await File.WriteAllTextAsync(file, """
            {"units":[
              {"code":"T-OK01","name":"测试巡逻车","organisation":"PS-YUNFENG","kind":"PatrolCar"},
              {"code":"T-BAD01","name":"测试直升机","organisation":"PS-YUNFENG","kind":"Helicopter"},
              {"name":"无编号"},
              {"code":"T-BAD02","name":"无单位","organisation":"PS-NOWHERE","kind":"FootPatrol"}
            ]}
            """);

        var (exitCode, output, error) = await Session.RunCliAsync("units", "import", file, "--server", server);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Does.Contain("[1/4] T-OK01 created"));
        Assert.That(error, Does.Contain("[2/4] T-BAD01 refused (400): kind: kind 'Helicopter' must be one of"));
        Assert.That(error, Does.Contain("[3/4] item 2: no \"code\""));
        Assert.That(error, Does.Contain("[4/4] T-BAD02 refused (400): organisation: organisation 'PS-NOWHERE' does not exist"));
        Assert.That(error, Does.Contain("1 of 4 unit(s) imported 已导入 (1 created, 0 replaced, 3 refused 被拒绝)"));
    }

    [Test]
    public async Task Import_AsSomeoneWhoIsNotAnAdmin_StopsAtTheFirstRefusal()
    {
        var (exitCode, output, error) = await Session.RunCliAsync("units", "import", TestEnvironment.RepoFile("infra/geo/units.json"), "--server", server,
            "--user", "operator", "--password", Session.DemoPassword);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain("answered 403").And.Contain("sign in as an admin"));
    }
}
