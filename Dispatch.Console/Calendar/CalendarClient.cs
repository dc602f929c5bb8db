using System.Net.Mime;
using System.Text;
using System.Text.Json;
using Dispatch.Console.Alerts;

namespace Dispatch.Console.Calendar;

/// <summary>An answer from the server's calendar API: the value, or a message to print and the exit code.</summary>
public sealed record CalendarAnswer<T>(T? Value, string? Failure, int ExitCode, IReadOnlyList<string> Details);

/// <summary>Calls <c>{server}/api/calendar/…</c> and turns every way it can fail into a line a person can act on.</summary>
public sealed class CalendarClient(HttpClient http, Uri server)
{
    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web);

    public Task<CalendarAnswer<T>> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, new Uri(server, path)), cancellationToken);

    public Task<CalendarAnswer<T>> PostJsonAsync<T>(string path, string json, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Post, new Uri(server, path))
        {
            Content = new StringContent(json, Encoding.UTF8, MediaTypeNames.Application.Json),
        }, cancellationToken);

    private async Task<CalendarAnswer<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return new CalendarAnswer<T>(JsonSerializer.Deserialize<T>(body, ReadOptions), null, ExitCodes.Ok, []);
                }

                var problem = TryProblem(body);
                var status = (int)response.StatusCode;
                var details = (problem?.Errors ?? [])
                    .OrderBy(e => e.Key, StringComparer.Ordinal)
                    .SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))
                    .ToList();
                if (details.Count == 0 && problem?.Detail is { Length: > 0 } detail)
                {
                    details.Add(detail);
                }

                var exitCode = status is >= 400 and < 500 ? ExitCodes.Rejected : ExitCodes.Unavailable;
                return new CalendarAnswer<T>(default, $"{AlertSender.ServerText(server)} answered {status}: {problem?.Title ?? response.ReasonPhrase}", exitCode, details);
            }
            catch (HttpRequestException ex) when (ex.StatusCode is null)
            {
                return new CalendarAnswer<T>(default, AlertSender.Unreachable(server).Message, ExitCodes.Unavailable, []);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new CalendarAnswer<T>(default, $"no answer from {AlertSender.ServerText(server)} within {http.Timeout.TotalSeconds:0} s.", ExitCodes.Unavailable, []);
            }
            catch (JsonException)
            {
                return new CalendarAnswer<T>(default, $"{AlertSender.ServerText(server)} did not answer calendar JSON: is it a Dispatch server?", ExitCodes.Unavailable, []);
            }
        }
    }

    private static Problem? TryProblem(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize<Problem>(body, ReadOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Problem(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
