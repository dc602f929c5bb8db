using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dispatch.Console.Alerts;
using Dispatch.Console.Geo;
using Dispatch.Server.Addresses;

namespace Dispatch.Console.Addresses;

/// <summary>An answer from the server: the value, or a problem to print (with the import report when there is one).</summary>
public sealed record AddressAnswer<T>(T? Value, int ExitCode, string? Failure, IReadOnlyDictionary<string, string[]> Errors, AddressImportReport? Report)
    where T : class;

/// <summary>Calls the server's <c>/api/geo/addresses</c> endpoints.</summary>
public sealed class AddressClient(HttpClient http, Uri server)
{
    public Task<AddressAnswer<AddressImportReport>> ImportAsync(byte[] file, bool geoJson, string crs, bool skipInvalid, Action<long> sent, CancellationToken cancellationToken)
    {
        var content = new ProgressContent(file, sent);
        content.Headers.ContentType = new MediaTypeHeaderValue(geoJson ? "application/geo+json" : "text/csv") { CharSet = "utf-8" };
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, $"api/geo/addresses/import?crs={crs}&skipInvalid={(skipInvalid ? "true" : "false")}"))
        {
            Content = content,
        };
        return SendAsync<AddressImportReport>(request, cancellationToken);
    }

    public Task<AddressAnswer<AddressMatchResult>> MatchAsync(string text, CancellationToken cancellationToken) =>
        SendAsync<AddressMatchResult>(new HttpRequestMessage(HttpMethod.Get, new Uri(server, "api/geo/addresses/match?text=" + Uri.EscapeDataString(text))), cancellationToken);

    private async Task<AddressAnswer<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
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
                    return new AddressAnswer<T>(JsonSerializer.Deserialize<T>(body, GeoClient.Json), ExitCodes.Ok, null, Empty, null);
                }

                var problem = TryRead(body);
                var status = (int)response.StatusCode;
                if (status is >= 400 and < 500 && response.StatusCode != HttpStatusCode.NotFound)
                {
                    return new AddressAnswer<T>(null, ExitCodes.Rejected, $"{problem?.Title ?? response.ReasonPhrase} ({status}): {problem?.Detail}",
                        problem?.Errors ?? Empty, problem?.Report);
                }

                return new AddressAnswer<T>(null, ExitCodes.Unavailable,
                    $"{AlertSender.ServerText(server)} answered {status} {problem?.Title ?? response.ReasonPhrase}: is it a Dispatch server, and is it up to date?", Empty, null);
            }
            catch (HttpRequestException ex) when (ex.StatusCode is null)
            {
                return new AddressAnswer<T>(null, ExitCodes.Unavailable, AlertSender.Unreachable(server).Message, Empty, null);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new AddressAnswer<T>(null, ExitCodes.Unavailable, $"no answer from {AlertSender.ServerText(server)} in time.", Empty, null);
            }
        }
    }

    private static readonly Dictionary<string, string[]> Empty = [];

    private static Problem? TryRead(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize<Problem>(body, GeoClient.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Problem(string? Title, string? Detail, Dictionary<string, string[]>? Errors, AddressImportReport? Report);

    /// <summary>The file as a body, telling how much was sent, for the progress bar.</summary>
    private sealed class ProgressContent(byte[] data, Action<long> sent) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            const int Chunk = 64 * 1024;
            for (var offset = 0; offset < data.Length; offset += Chunk)
            {
                var count = Math.Min(Chunk, data.Length - offset);
                await stream.WriteAsync(data.AsMemory(offset, count));
                sent(offset + count);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = data.Length;
            return true;
        }
    }
}
