using System.Text.Json;
using Dispatch.Console.Bench;
using Dispatch.Contracts;
using Dispatch.Server.Geo;
using Dispatch.Tests.Support;
using static Dispatch.Tests.Geo.GeoJsonAreaReaderTests;

namespace Dispatch.Tests.Console;

/// <summary>The <c>geo</c> verbs against a real server on a real port, run in-process.</summary>
[NonParallelizable]
public sealed class GeoCommandsTests
{
    private string directory = null!;
    private RunningServer running = null!;
    private string server = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        directory = Directory.CreateTempSubdirectory("dispatch-geo-cli-").FullName;
        running = await RunningServer.StartAsync();
        server = running.Address.ToString();
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        await running.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private string WriteFile(string text)
    {
        var path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".geojson");
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public async Task Import_WhenAQgisExport_ImportsEveryCommunityAndLocateFindsThem()
    {
        var file = TestEnvironment.RepoFile("Dispatch.Tests/Geo/Data/xihu-communities.geojson");

        var (exitCode, output, error) = await Session.RunCliAsync("geo", "import", file, "--level", "community",
            "--code-prop", "SQDM", "--name-prop", "SQMC", "--parent-prop", "JDDM", "--server", server);
        var inSecondPart = await Session.RunCliAsync("geo", "locate", "120.172", "30.282", "--server", server);
        var onSharedEdge = await Session.RunCliAsync("geo", "locate", "120.15", "30.265", "--server", server, "--json");
        var inHole = await Session.RunCliAsync("geo", "locate", "120.1445", "30.2645", "--server", server, "--json");

        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("3 community area(s) imported"));
        Assert.That(inSecondPart.Output, Does.Contain("330106001002  宝石社区"));
        var edge = JsonSerializer.Deserialize<Jurisdiction>(onSharedEdge.Output, JsonSerializerOptions.Web)!;
        Assert.That((edge.Community?.Code, edge.OnBoundary), Is.EqualTo(("330106001001", true)), "北山街 (…001) < 宝石 (…002)");
        Assert.That(JsonSerializer.Deserialize<Jurisdiction>(inHole.Output, JsonSerializerOptions.Web)!.Community, Is.Null);
    }

    [Test]
    public async Task Import_WhenFeaturesAreInvalid_PrintsEachAndExitsOne()
    {
        var file = WriteFile(Collection(
            Feature("CLI-OK", "好", "Polygon", $"[{Square(100, 20, 1)}]"),
            Feature("CLI-PT", "点", "Point", "[100,20]"),
            """{"type":"Feature","properties":{"code":"CLI-NONAME"},"geometry":{"type":"Polygon","coordinates":[""" + Square(102, 20, 1) + "]}}"));

        var (exitCode, _, error) = await Session.RunCliAsync("geo", "import", file, "--level", "grid", "--code-prop", "code", "--name-prop", "name", "--server", server);
        var located = await Session.RunCliAsync("geo", "locate", "100.5", "20.5", "--server", server, "--json");

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error, Does.Contain("feature 1: (CLI-PT) geometry type 'Point' is not Polygon or MultiPolygon"));
        Assert.That(error, Does.Contain("feature 2: (CLI-NONAME) missing property 'name'"));
        Assert.That(error, Does.Contain("nothing imported"));
        Assert.That(located.Output, Does.Contain("\"grid\": null"));
    }

    [Test]
    public async Task Import_WhenSkipInvalid_ImportsTheValidOnesAndExitsZero()
    {
        var file = WriteFile(Collection(Feature("CLI-SKIP-OK", "好", "Polygon", $"[{Square(104, 20, 1)}]"), Feature("CLI-SKIP-PT", "点", "Point", "[100,20]")));

        var (exitCode, output, error) = await Session.RunCliAsync("geo", "import", file, "--level", "grid", "--code-prop", "code", "--name-prop", "name",
            "--skip-invalid", "--server", server);
        var located = await Session.RunCliAsync("geo", "locate", "104.5", "20.5", "--server", server);

        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("1 grid area(s) imported").And.Contain("1 invalid skipped"));
        Assert.That(error, Does.Contain("feature 1: (CLI-SKIP-PT)"));
        Assert.That(located.Output, Does.Contain("CLI-SKIP-OK"));
    }

    [Test]
    public async Task Import_WhenTheServerIsUnreachable_ExitsTwo()
    {
        var file = WriteFile(Collection(Feature("X", "x", "Polygon", $"[{Square(104, 20, 1)}]")));

        var (exitCode, _, error) = await Session.RunCliAsync("geo", "import", file, "--level", "grid", "--code-prop", "code", "--name-prop", "name", "--server", "http://127.0.0.1:9");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("cannot reach"));
    }

    [Test]
    public async Task Import_WhenTheLevelIsUnknown_ExitsOneNamingIt()
    {
        var (exitCode, _, error) = await Session.RunCliAsync("geo", "import", WriteFile(Collection()), "--level", "ward", "--code-prop", "c", "--name-prop", "n", "--server", server);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error, Does.Contain("--level 'ward' is not one of"));
    }

    [Test]
    public async Task Locate_WhenTheCrsIsUnknown_ExitsOne()
    {
        var (exitCode, _, error) = await Session.RunCliAsync("geo", "locate", "120", "30", "--crs", "cgcs2000", "--server", server);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error, Does.Contain("--crs 'cgcs2000' is not one of wgs84, gcj02, bd09"));
    }

    [Test]
    public async Task Locate_WhenNothingIsThere_PrintsDashes()
    {
        var (exitCode, output, _) = await Session.RunCliAsync("geo", "locate", "10", "10", "--server", server);

        Assert.That(exitCode, Is.EqualTo(0));
        Assert.That(output, Does.Contain("grid 网格").And.Contain("—"));
    }

    [TestCase("wgs84", "gcj02", 116.404, 39.915, "116.4102445 39.9164043")]
    [TestCase("gcj02", "wgs84", 116.41024449916938, 39.91640428150164, "116.4040000 39.9150000")]
    public async Task Convert_PrintsTheConvertedPairWithoutAServer(string from, string to, double lon, double lat, string expected)
    {
        var (exitCode, output, _) = await Session.RunCliAsync("geo", "convert", "--from", from, "--to", to,
            lon.ToString("R", System.Globalization.CultureInfo.InvariantCulture), lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(exitCode, Is.EqualTo(0));
        Assert.That(output.Trim(), Is.EqualTo(expected));
    }

    [Test]
    public void SyntheticGrid_TilesTheExtentWithValidCellsThatLocateFinds()
    {
        var cells = SyntheticGrid.Build(20);
        var snapshot = JurisdictionSnapshot.Build(cells.Select(c => new PreparedArea(c.Level, c.Code, c.Name, c.Geometry)));

        Assert.That(cells, Has.Count.EqualTo(400));
        Assert.That(cells.All(c => c.Geometry.IsValid), Is.True);
        var total = cells.Sum(c => c.Geometry.Area);
        Assert.That(total, Is.EqualTo((SyntheticGrid.East - SyntheticGrid.West) * (SyntheticGrid.North - SyntheticGrid.South)).Within(1e-9), "cells tile without gaps or overlaps");
        Assert.That(snapshot.Locate(120.2, 30.25).Grid, Is.Not.Null);
    }
}
