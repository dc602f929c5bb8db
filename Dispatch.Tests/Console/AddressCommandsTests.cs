using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Console;

/// <summary><c>dispatch address import</c> against a real server (SQLite, demo street for its grids), run in-process.</summary>
[NonParallelizable]
public sealed class AddressCommandsTests
{
    private const string Header = "id,district,street,community,road,number,compound,building,unit,lon,lat\n";

    private RunningServer running = null!;
    private string server = null!;
    private string directory = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings));
        server = running.Address.ToString();
        directory = Directory.CreateTempSubdirectory("dispatch-address-cli-").FullName;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await running.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task Import_WithInvalidRows_ListsEachByLine_ImportsNothing_AndExitsOne()
    {
        var file = await WriteAsync("bad.csv", Header
            + "T-CLI-1,上城区,云峰街道,,,,命令花园,1,,120.2216,30.2897\n"
            + "T-CLI-1,上城区,云峰街道,,,,命令花园,2,,120.2216,30.2897\n"
            + "T-CLI-3,上城区,云峰街道,,,,命令花园,3,,121.4737,31.2304\n"
            + "T-CLI-4,上城区,云峰街道,,,,命令花园,4,,east,30.2897\n");

        var (exitCode, _, error) = await Session.RunCliAsync("address", "import", file, "--server", server);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error, Does.Contain("✗ line 3: (T-CLI-1) duplicate id T-CLI-1 (first on line 2)"));
        Assert.That(error, Does.Contain("✗ line 4: (T-CLI-3) the point 121.473700,31.230400 (WGS-84) lies outside every grid"));
        Assert.That(error, Does.Contain("✗ line 5: (T-CLI-4) lon 'east' is not a number of degrees within ±180"));
        Assert.That(error, Does.Contain("✗ bad.csv: 3 of 4 row(s) invalid; nothing imported 未导入. Fix them, or add --skip-invalid."));
        Assert.That(await CountAsync("T-CLI-%"), Is.Zero);
    }

    [Test]
    public async Task Import_WithSkipInvalid_ImportsTheValidRows_AndListsTheSkippedOnes()
    {
        var file = await WriteAsync("partial.csv", Header
            + "T-SKIP-1,上城区,云峰街道,,,,跳过花园,1,,120.2216,30.2897\n"
            + "T-SKIP-2,上城区,云峰街道,,,,跳过花园,2,,121.4737,31.2304\n"
            + "T-SKIP-3,上城区,云峰街道,,,,跳过花园,3,,120.2216,30.2897\n");

        var (exitCode, output, error) = await Session.RunCliAsync("address", "import", file, "--skip-invalid", "--server", server);

        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(error, Does.Contain("✗ line 3: (T-SKIP-2) the point 121.473700,31.230400 (WGS-84) lies outside every grid"));
        Assert.That(output, Does.Contain("✓ partial.csv: 2 address(es) imported 已导入 (0 replaced 已替换, 1 invalid skipped 已跳过)."));
        Assert.That(await CountAsync("T-SKIP-%"), Is.EqualTo(2));
    }

    [Test]
    public async Task Import_TheSameIdsAgain_ReplacesThem_AndSaysHowMany()
    {
        var first = await WriteAsync("first.csv", Header
            + "T-RE-1,上城区,云峰街道,,,,替换花园,1,,120.2216,30.2897\n"
            + "T-RE-2,上城区,云峰街道,,,,替换花园,2,,120.2216,30.2897\n");
        var second = await WriteAsync("second.csv", Header
            + "T-RE-1,上城区,云峰街道,,,,替换花园,11,,120.2216,30.2897\n"
            + "T-RE-2,上城区,云峰街道,,,,替换花园,12,,120.2216,30.2897\n"
            + "T-RE-3,上城区,云峰街道,,,,替换花园,13,,120.2216,30.2897\n");
        var before = await CountAsync("%");

        var once = await Session.RunCliAsync("address", "import", first, "--server", server);
        var again = await Session.RunCliAsync("address", "import", second, "--server", server);

        Assert.That(once.ExitCode, Is.EqualTo(0), once.Error);
        Assert.That(once.Output, Does.Contain("✓ first.csv: 2 address(es) imported 已导入 (0 replaced 已替换)."));
        Assert.That(again.ExitCode, Is.EqualTo(0), again.Error);
        Assert.That(again.Output, Does.Contain("✓ second.csv: 3 address(es) imported 已导入 (2 replaced 已替换)."));
        Assert.That(await CountAsync("%"), Is.EqualTo(before + 3));
        using var operatorClient = await running.AsAsync("operator");
        var found = await operatorClient.GetFromJsonAsync<JsonElement>("/api/geo/addresses?q=" + Uri.EscapeDataString("替换花园"));
        Assert.That(found.EnumerateArray().Select(a => a.GetProperty("building").GetString()), Is.EquivalentTo(new[] { "11", "12", "13" }));
    }

    [Test]
    public async Task Import_AFileWithWrongColumns_NamesTheColumnsExpected_AndExitsOne()
    {
        var file = await WriteAsync("columns.csv", "name,x,y\n命令花园,120.2216,30.2897\n");

        var (exitCode, output, error) = await Session.RunCliAsync("address", "import", file, "--server", server);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Does.Not.Contain("✓"));
        Assert.That(error, Does.Contain("✗ columns.csv: 文件无法读取 / The file cannot be read (400)"));
        Assert.That(error, Does.Contain("body: Wrong columns in the header: missing id, lon, lat; unknown name, x, y; expected id,district,street,community,road,number,compound,building,unit,lon,lat"));
    }

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Path.Combine(directory, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private Task<long> CountAsync(string idLike) =>
        running.Database.ScalarAsync<long>("SELECT COUNT(*) FROM addresses WHERE id LIKE @IdLike", new { IdLike = idLike });
}
