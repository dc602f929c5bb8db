using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Operations;

/// <summary>
/// The browser app's types are generated from a snapshot of the server's OpenAPI document
/// (<c>Dispatch.Server/ClientApp/openapi/v1.json</c>). A change to what the server sends or accepts fails here until
/// the snapshot is refreshed, so the pages are type-checked against the server they will talk to. Refresh with
/// <c>DISPATCH_REFRESH_OPENAPI=1 dotnet test Dispatch.Tests --filter FullyQualifiedName~OpenApiSnapshotTests</c>.
/// </summary>
public sealed class OpenApiSnapshotTests
{
    public const string RefreshVariable = "DISPATCH_REFRESH_OPENAPI";

    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Test]
    public async Task Snapshot_WhenComparedWithTheLiveDocument_IsTheSame()
    {
        await using var running = await RunningServer.StartAsync();
        var live = Normalise(JsonNode.Parse(await running.Http.GetStringAsync("/openapi/v1.json"))!);
        var path = SnapshotPath();

        if (Environment.GetEnvironmentVariable(RefreshVariable) == "1")
        {
            await File.WriteAllTextAsync(path, live.ToJsonString(Written).ReplaceLineEndings("\n") + "\n");
            Assert.Pass($"Refreshed {path}.");
        }

        var stored = File.Exists(path) ? JsonNode.Parse(await File.ReadAllTextAsync(path)) : null;
        Assert.That(JsonNode.DeepEquals(stored, live), Is.True,
            $"The server's /openapi/v1.json differs from the browser app's snapshot in {Differences(stored, live)}. "
            + $"Refresh it with {RefreshVariable}=1 dotnet test Dispatch.Tests --filter FullyQualifiedName~{nameof(OpenApiSnapshotTests)}, then rebuild the app.");
    }

    /// <summary>The document without what depends on the request: the server address it was read from.</summary>
    private static JsonNode Normalise(JsonNode document)
    {
        document.AsObject().Remove("servers");
        return document;
    }

    /// <summary>The paths and schemas that differ, so the failure says where to look.</summary>
    private static string Differences(JsonNode? stored, JsonNode live)
    {
        if (stored is null)
        {
            return "everything (there is no snapshot)";
        }

        var differing = new List<string>();
        foreach (var section in new[] { "paths", "components/schemas" })
        {
            var a = Section(stored, section);
            var b = Section(live, section);
            differing.AddRange(a.Select(p => p.Key).Union(b.Select(p => p.Key))
                .Where(key => !JsonNode.DeepEquals(a[key], b[key]))
                .Select(key => $"{section}/{key}"));
        }

        return differing.Count == 0 ? "its header" : string.Join(", ", differing.Take(20));
    }

    private static JsonObject Section(JsonNode document, string path) =>
        path.Split('/').Aggregate((JsonNode?)document, (node, key) => node?[key]) as JsonObject ?? [];

    private static string SnapshotPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dispatch.sln")))
        {
            directory = directory.Parent;
        }

        Assert.That(directory, Is.Not.Null, "The repository root (with Dispatch.sln) above the test's output folder.");
        return Path.Combine(directory!.FullName, "Dispatch.Server", "ClientApp", "openapi", "v1.json");
    }
}
