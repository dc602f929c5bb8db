using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Dispatch.Tests.Support;
using Cli = Dispatch.Console.Program;

namespace Dispatch.Tests.Console;

/// <summary>The <c>alert</c> verbs against a real server on a real port, run in-process.</summary>
[NonParallelizable]
public sealed class AlertSenderTests
{
    private string directory = null!;
    private RunningServer running = null!;
    private Uri server = null!;
    private HttpClient api = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        directory = Directory.CreateTempSubdirectory("dispatch-cli-").FullName;
        running = await RunningServer.StartAsync();
        server = running.Address;
        api = await running.AsAsync("admin");
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        api.Dispose();
        await running.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task Send_WhenAlertIsValid_ExitsZeroAndIncidentAppears()
    {
        var alertId = NewAlertId();
        var file = WriteFile(ValidAlert(alertId));

        var (exitCode, output) = await RunAsync("alert", "send", "--file", file, "--server", server.ToString());

        var incidentId = Dispatch.Server.Intake.IncidentReference.ForAlert(alertId);
        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain(incidentId.ToString()));
        Assert.That(await WaitForIncidentInListAsync(incidentId), Is.True, "incident not listed by GET /api/incidents");
    }

    [Test]
    public async Task Send_WhenTheFileHasNoReceivedAt_StampsTheCurrentTimeAndIsAccepted()
    {
        // The sample shipped for the README has no receivedAt, so that it never goes stale.
        var sample = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(TestEnvironment.RepoFile("infra/samples/alert.json")))!.AsObject();
        var alertId = NewAlertId();
        sample["alertId"] = alertId;
        var file = WriteFile(sample);

        var (exitCode, output) = await RunAsync("alert", "send", "--file", file, "--server", server.ToString());

        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(await WaitForIncidentInListAsync(Dispatch.Server.Intake.IncidentReference.ForAlert(alertId)), Is.True);
    }

    [Test]
    public async Task Send_WhenAlertIsInvalid_ExitsOneAndPrintsFieldError()
    {
        var alert = ValidAlert(NewAlertId());
        alert["receivedAt"] = "2026-11-22 09:30";
        alert.Remove("description");
        var file = WriteFile(alert);

        var (exitCode, output) = await RunAsync("alert", "send", "--file", file, "--server", server.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(output, Does.Contain("警情数据有误"));
            Assert.That(output, Does.Contain("receivedAt: receivedAt '2026-11-22 09:30' is not ISO-8601"));
            Assert.That(output, Does.Contain("description: description (报警内容) is required."));
        });
    }

    [Test]
    public async Task Send_WhenFieldIsMisspelt_ExitsOneAndNamesTheField()
    {
        var alert = ValidAlert(NewAlertId());
        alert["callerNumber"] = "13800000000";
        var file = WriteFile(alert);

        var (exitCode, output) = await RunAsync("alert", "send", "--file", file, "--server", server.ToString());

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Does.Contain("callerNumber: 'callerNumber' is not a field of this request"));
    }

    [Test]
    public async Task Send_WhenFileHoldsAnArray_SendsEachInOrderAndReportsTheWorst()
    {
        var first = NewAlertId();
        var third = NewAlertId();
        var invalid = ValidAlert(NewAlertId());
        invalid["location"] = new Dictionary<string, object?> { ["lon"] = 500, ["lat"] = 30.3 };
        var file = WriteFile(new object[] { ValidAlert(first), invalid, ValidAlert(third) });

        var (exitCode, output) = await RunAsync("alert", "send", "--file", file, "--server", server.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(output, Does.Contain($"[1/3] ✓ {first}"));
            Assert.That(output, Does.Contain("[2/3] ✗"));
            Assert.That(output, Does.Contain("location.lon"));
            Assert.That(output, Does.Contain($"[3/3] ✓ {third}"));
            Assert.That(output, Does.Contain("3 alerts: 2 accepted, 1 rejected, 0 failed"));
        });
    }

    [Test]
    public async Task Send_WhenServerIsUnreachable_ExitsTwoWithHint()
    {
        var file = WriteFile(ValidAlert(NewAlertId()));
        var nowhere = $"http://127.0.0.1:{FreePort()}";

        var (exitCode, output) = await RunAsync("alert", "send", "--file", file, "--server", nowhere);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(output, Does.Contain($"cannot reach {nowhere}: is the server running? (dotnet run --project Dispatch.Server)"));
    }

    [Test]
    public async Task Send_WhenFileIsNotJson_ExitsOneWithoutSending()
    {
        var file = Path.Combine(directory, "broken.json");
        await File.WriteAllTextAsync(file, "{ \"alertId\": ");

        var (exitCode, output) = await RunAsync("alert", "send", "--file", file, "--server", server.ToString());

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Does.Contain("broken.json is not valid JSON"));
    }

    [Test]
    public async Task Demo_WhenServerIsUp_SendsEveryAlertAndSummarises()
    {
        var (exitCode, output) = await RunAsync("alert", "demo", "--count", "12", "--rate", "0", "--seed", "4", "--server", server.ToString());

        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Match(@"accepted 已受理\s*│\s*12"));
    }

    [Test]
    public async Task Demo_WhenServerIsUnreachable_StopsAndExitsTwo()
    {
        var nowhere = $"http://127.0.0.1:{FreePort()}";

        var (exitCode, output) = await RunAsync("alert", "demo", "--count", "50", "--rate", "0", "--server", nowhere);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(output, Does.Contain($"cannot reach {nowhere}"));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        // One writer for both streams: the tests read what a person at the terminal would see.
        using var writer = new StringWriter();
        var exitCode = await Cli.RunAsync(Session.CliArgs(args), writer, writer);
        return (exitCode, writer.ToString());
    }

    private async Task<bool> WaitForIncidentInListAsync(Guid incidentId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            using var page = JsonDocument.Parse(await api.GetStringAsync(new Uri("api/incidents?pageSize=200", UriKind.Relative)));
            if (page.RootElement.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetGuid() == incidentId))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    private static string NewAlertId() => $"110-TEST-{Guid.NewGuid():N}";

    private static Dictionary<string, object?> ValidAlert(string alertId) => new()
    {
        ["alertId"] = alertId,
        ["receivedAt"] = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        ["categoryCode"] = "theft",
        ["description"] = "报警人称其停放在小区楼下的电动车被盗。",
        ["address"] = "上城区彭埠街道云峰路88号",
        ["location"] = new Dictionary<string, object?> { ["lon"] = 120.214, ["lat"] = 30.291 },
        ["callerPhone"] = "13800000000",
    };

    private string WriteFile(object content)
    {
        var path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(content));
        return path;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
