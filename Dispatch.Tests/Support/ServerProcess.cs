using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dispatch.Tests.Support;

/// <summary>
/// The real server as its own process (<c>dotnet Dispatch.Server.dll</c>), so a test can kill it with SIGKILL
/// and start it again on the same database and broker, as an operating system would after a crash.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;
    private readonly StringBuilder log = new();
    private Process? process;

    public ServerProcess(IReadOnlyDictionary<string, string> settings)
    {
        Port = FreePort();
        Address = new Uri($"http://127.0.0.1:{Port}/");
        environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        // Production, as a real centre runs, unless the test names another (Demo, for the demo accounts).
        environment.TryAdd("ASPNETCORE_ENVIRONMENT", "Production");
        // "Urls" (not ASPNETCORE_URLS): appsettings.json sets Urls, and only a later source overrides it.
        environment["Urls"] = Address.ToString().TrimEnd('/');
        environment["Serilog__MinimumLevel__Default"] = "Warning";
        // A published server has the browser app's wwwroot beside its dll; the build output has it in the project.
        environment["ASPNETCORE_WEBROOT"] = TestEnvironment.RepoFile(Path.Combine("Dispatch.Server", "wwwroot"));
    }

    public int Port { get; }

    public Uri Address { get; }

    /// <summary>What the server wrote, for the failure message of a test.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public async Task StartAsync()
    {
        var dll = ServerDll();
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            await WaitReadyAsync(http);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} What it wrote:\n{Log}", ex);
        }
    }

    private async Task WaitReadyAsync(HttpClient http)
    {
        var process = this.process!;
        await Eventually.GetAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode}:\n{Log}");
            }

            try
            {
                return (await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK ? "" : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
            catch (TaskCanceledException)
            {
                return null;
            }
        }, TimeSpan.FromSeconds(60), "the server process to be ready");
    }

    /// <summary>
    /// SIGTERM, and waits for the exit: the host finishes the messages in hand and its background services' current
    /// pass first, so once it returns, everything this node was doing is done.
    /// </summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            using (var kill = Process.Start("kill", $"-TERM {process.Id}"))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no draining; whatever was in flight is cut.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    /// <summary>The server's own build output (same configuration as the tests), with its runtime config.</summary>
    private static string ServerDll()
    {
        var configuration = TestContext.CurrentContext.TestDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var dll = TestEnvironment.RepoFile(Path.Combine("Dispatch.Server", "bin", configuration, "net10.0", "Dispatch.Server.dll"));
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: the server's own output is needed to run it as a process.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
