using System.CommandLine;
using System.Text.Json;

namespace Dispatch.Console.Alerts;

/// <summary><c>dispatch alert send</c> and <c>dispatch alert demo</c>.</summary>
public static class AlertCommands
{
    public static Command Build()
    {
        var alert = new Command("alert", "Send 110 alerts (警情) to the intake endpoint.");
        alert.Subcommands.Add(BuildSend());
        alert.Subcommands.Add(BuildDemo());
        return alert;
    }

    /// <summary>Shared by both verbs so they agree on the default and on what a valid URL is.</summary>
    internal static Option<string> ServerOption()
    {
        var option = new Option<string>("--server", "-s")
        {
            Description = $"Dispatch server base URL (default: ${AlertSender.ServerEnvironmentVariable}, else {AlertSender.DefaultServer}).",
            DefaultValueFactory = _ =>
                Environment.GetEnvironmentVariable(AlertSender.ServerEnvironmentVariable) is { Length: > 0 } fromEnvironment
                    ? fromEnvironment
                    : AlertSender.DefaultServer,
        };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (!AlertSender.TryParseServer(text, out _))
            {
                result.AddError($"--server '{text}' is not an http:// or https:// URL, e.g. {AlertSender.DefaultServer}.");
            }
        });
        return option;
    }

    private static Command BuildSend()
    {
        var file = new Option<FileInfo>("--file", "-f")
        {
            Description = "JSON file holding one alert object, or an array of alerts (sent in order).",
            Required = true,
        }.AcceptExistingOnly();
        var server = ServerOption();

        var send = new Command("send", "POST alert JSON from a file to {server}/api/intake/alerts and print the incident reference.");
        send.Options.Add(file);
        send.Options.Add(server);
        send.SetAction((parse, cancellationToken) =>
        {
            var serverUri = AlertSender.ParseServer(parse.GetValue(server));
            var config = parse.InvocationConfiguration;
            return SendFileAsync(parse.GetValue(file)!, serverUri, config.Output, config.Error, cancellationToken);
        });
        return send;
    }

    private static Command BuildDemo()
    {
        var count = new Option<int>("--count", "-n")
        {
            Description = "How many demo alerts to send.",
            Required = true,
        };
        count.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--count must be at least 1.");
            }
        });
        var rate = new Option<double>("--rate", "-r")
        {
            Description = "Alerts per second; 0 sends as fast as the server takes them.",
            DefaultValueFactory = _ => AlertDemo.DefaultRate,
        };
        rate.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (!double.IsFinite(value) || value < 0)
            {
                result.AddError("--rate must be 0 (as fast as possible) or a positive number of alerts per second.");
            }
        });
        var seed = new Option<int?>("--seed")
        {
            Description = "Seed for the generator, to replay the same alerts (alert ids still differ per run).",
        };
        var server = ServerOption();

        var demo = new Command("demo", "Generate realistic 110 demo alerts around Hangzhou's east side and send them at a steady rate.");
        demo.Options.Add(count);
        demo.Options.Add(rate);
        demo.Options.Add(server);
        demo.Options.Add(seed);
        demo.SetAction((parse, cancellationToken) =>
        {
            var serverUri = AlertSender.ParseServer(parse.GetValue(server));
            var options = new DemoOptions(parse.GetValue(count), parse.GetValue(rate), parse.GetValue(seed), serverUri);
            return AlertDemo.RunAsync(options, parse.InvocationConfiguration.Output, cancellationToken);
        });
        return demo;
    }

    internal static async Task<int> SendFileAsync(FileInfo file, Uri server, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        List<string> alerts;
        try
        {
            var now = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
            alerts = SplitAlerts(await File.ReadAllTextAsync(file.FullName, cancellationToken))
                .Select(a => StampReceivedAt(a, now))
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"cannot read {file.FullName}: {ex.Message}");
            return ExitCodes.Rejected;
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}" : "";
            await error.WriteLineAsync($"{file.Name} is not valid JSON{where}: {ex.Message}");
            return ExitCodes.Rejected;
        }

        if (alerts.Count == 0)
        {
            await error.WriteLineAsync($"{file.Name} holds an empty array: there is no alert to send.");
            return ExitCodes.Rejected;
        }

        using var http = AlertSender.CreateHttpClient();
        var sender = new AlertSender(http, server);
        var exitCode = ExitCodes.Ok;
        int accepted = 0, rejected = 0, failed = 0;
        for (var i = 0; i < alerts.Count; i++)
        {
            var label = alerts.Count > 1 ? $"[{i + 1}/{alerts.Count}] " : "";
            var alertId = AlertIdOf(alerts[i]) ?? "(no alertId)";
            var result = await sender.SendAsync(alerts[i], cancellationToken);
            exitCode = Math.Max(exitCode, result.ExitCode);
            switch (result)
            {
                case SendAccepted ok:
                    accepted++;
                    await output.WriteLineAsync($"{label}✓ {ok.AlertId} accepted 已受理 → incident {ok.IncidentId}");
                    break;
                case SendRejected problem:
                    rejected++;
                    await error.WriteLineAsync($"{label}✗ {alertId} rejected 被拒绝 ({problem.Status}): {problem.Title}");
                    foreach (var line in ProblemLines(problem))
                    {
                        await error.WriteLineAsync("    " + line);
                    }

                    break;
                case SendFailed failure:
                    failed++;
                    await error.WriteLineAsync($"{label}✗ {alertId} not sent 未发送: {failure.Message}");
                    break;
            }

            if (result is SendFailed { Unreachable: true } && i + 1 < alerts.Count)
            {
                await error.WriteLineAsync($"stopped: the remaining {alerts.Count - i - 1} alert(s) were not sent.");
                break;
            }
        }

        if (alerts.Count > 1)
        {
            await output.WriteLineAsync($"{alerts.Count} alerts: {accepted} accepted, {rejected} rejected, {failed} failed, {alerts.Count - accepted - rejected - failed} not sent.");
        }

        return exitCode;
    }

    /// <summary>Field errors one per line; the detail only when it says more than the field errors do.</summary>
    internal static IEnumerable<string> ProblemLines(SendRejected problem)
    {
        var messages = problem.Errors.SelectMany(e => e.Value).ToList();
        if (!string.IsNullOrWhiteSpace(problem.Detail) && problem.Detail != string.Join(" ", messages))
        {
            yield return problem.Detail;
        }

        foreach (var (field, fieldMessages) in problem.Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            foreach (var message in fieldMessages)
            {
                yield return $"{field}: {message}";
            }
        }
    }

    /// <summary>One alert or an array of them, each kept as its own raw JSON so the server sees exactly what the file holds.</summary>
    internal static IReadOnlyList<string> SplitAlerts(string text)
    {
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray().Select(e => e.GetRawText()).ToList()
            : [document.RootElement.GetRawText()];
    }

    /// <summary>
    /// A sample file kept in the repo cannot carry a fresh time, and intake refuses alerts older than 30 days:
    /// an alert object without <c>receivedAt</c> is sent as received now. One that has it is sent unchanged.
    /// </summary>
    internal static string StampReceivedAt(string json, DateTimeOffset now)
    {
        if (System.Text.Json.Nodes.JsonNode.Parse(json) is not System.Text.Json.Nodes.JsonObject alert || alert.ContainsKey("receivedAt"))
        {
            return json;
        }

        alert["receivedAt"] = now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        return alert.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string? AlertIdOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("alertId", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
    }
}
