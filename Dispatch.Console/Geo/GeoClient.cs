using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dispatch.Console.Alerts;
using Dispatch.Contracts;
using Dispatch.Server.Geo;

namespace Dispatch.Console.Geo;

/// <summary>An answer from the server: the value, or a problem to print and the exit code it implies.</summary>
public sealed record GeoAnswer<T>(T? Value, int ExitCode, string? Failure, IReadOnlyDictionary<string, string[]> Errors, AreaImportReport? Report)
    where T : class;

/// <summary>Calls the server's <c>/api/geo</c> endpoints.</summary>
public sealed class GeoClient(HttpClient http, Uri server)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public Task<GeoAnswer<AreaImportReport>> ImportAsync(string geoJson, AreaLevel level, string codeProp, string nameProp,
        string? parentProp, CoordinateSystem crs, bool skipInvalid, CancellationToken cancellationToken)
    {
        var query = new StringBuilder("api/geo/areas/import?level=").Append(AreaStore.LevelText(level))
            .Append("&codeProp=").Append(Uri.EscapeDataString(codeProp))
            .Append("&nameProp=").Append(Uri.EscapeDataString(nameProp))
            .Append("&crs=").Append(crs.ToString().ToLowerInvariant())
            .Append("&skipInvalid=").Append(skipInvalid ? "true" : "false");
        if (parentProp is not null)
        {
            query.Append("&parentProp=").Append(Uri.EscapeDataString(parentProp));
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, query.ToString()))
        {
            Content = new StringContent(geoJson, Encoding.UTF8, "application/geo+json"),
        };
        return SendAsync<AreaImportReport>(request, cancellationToken);
    }

    public Task<GeoAnswer<Jurisdiction>> LocateAsync(double lon, double lat, CoordinateSystem crs, CancellationToken cancellationToken) =>
        SendAsync<Jurisdiction>(new HttpRequestMessage(HttpMethod.Get, new Uri(server, string.Create(CultureInfo.InvariantCulture,
            $"api/geo/locate?lon={lon:R}&lat={lat:R}&crs={crs.ToString().ToLowerInvariant()}"))), cancellationToken);

    private async Task<GeoAnswer<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
        where T : class
    {
        using (request)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/problem+json"));
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return new GeoAnswer<T>(JsonSerializer.Deserialize<T>(body, Json), ExitCodes.Ok, null, Empty, null);
                }

                var problem = TryRead<Problem>(body);
                var status = (int)response.StatusCode;
                if (status is >= 400 and < 500 && response.StatusCode != HttpStatusCode.NotFound)
                {
                    return new GeoAnswer<T>(null, ExitCodes.Rejected, $"{problem?.Title ?? response.ReasonPhrase} ({status}): {problem?.Detail}",
                        problem?.Errors ?? Empty, problem?.Report);
                }

                return new GeoAnswer<T>(null, ExitCodes.Unavailable,
                    $"{AlertSender.ServerText(server)} answered {status} {problem?.Title ?? response.ReasonPhrase}: is it a Dispatch server, and is it up to date?",
                    Empty, null);
            }
            catch (HttpRequestException ex) when (ex.StatusCode is null)
            {
                return new GeoAnswer<T>(null, ExitCodes.Unavailable, AlertSender.Unreachable(server).Message, Empty, null);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new GeoAnswer<T>(null, ExitCodes.Unavailable, $"no answer from {AlertSender.ServerText(server)} in time.", Empty, null);
            }
        }
    }

    private static readonly Dictionary<string, string[]> Empty = [];

    private static T? TryRead<T>(string body)
        where T : class
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize<T>(body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Problem(string? Title, string? Detail, Dictionary<string, string[]>? Errors, AreaImportReport? Report);
}
