using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Server.Demo;

/// <summary>Reads the demo files embedded from <c>infra/geo</c>; strict, so a typo in a file fails its tests, not a demo.</summary>
internal static class DemoFiles
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static T ReadJson<T>(string resourceName)
    {
        using var stream = Open(resourceName);
        return JsonSerializer.Deserialize<T>(stream, JsonOptions)
            ?? throw new InvalidOperationException($"The embedded demo file {resourceName} is empty.");
    }

    public static string ReadText(string resourceName)
    {
        using var reader = new StreamReader(Open(resourceName));
        return reader.ReadToEnd();
    }

    private static Stream Open(string resourceName) =>
        typeof(DemoFiles).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The demo file {resourceName} is not embedded in the server.");
}
