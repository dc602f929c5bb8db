using System.CommandLine;
using System.Text.Json;
using Dispatch.Console.Alerts;

namespace Dispatch.Console.Intake;

/// <summary>The <c>send</c> and <c>demo</c> verbs of every intake route (<c>dispatch alert</c>, <c>dispatch grid-event</c>).</summary>
public static class IntakeCommands
{
    /// <summary>Shared by every verb so they agree on the default and on what a valid URL is.</summary>
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

    public static Command BuildSend(IntakeKind kind, string description)
    {
        var file = new Option<FileInfo>("--file", "-f")
        {
            Description = $"JSON file holding one {kind.Noun} object, or an array of {kind.Plural} (sent in order).",
            Required = true,
        }.AcceptExistingOnly();
        var server = ServerOption();

        var send = new Command("send", description);
        send.Options.Add(file);
        send.Options.Add(server);
        send.SetAction((parse, cancellationToken) =>
        {
            var serverUri = AlertSender.ParseServer(parse.GetValue(server));
            var config = parse.InvocationConfiguration;
            return SendFileAsync(kind, parse.GetValue(file)!, serverUri, config.Output, config.Error, cancellationToken);
        });
        return send;
    }

    public static Command BuildDemo(IntakeKind kind, string description, Func<int, DemoSource> createSource)
    {
        var count = new Option<int>("--count", "-n")
        {
            Description = $"How many demo {kind.Plural} to send.",
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
            Description = $"{char.ToUpperInvariant(kind.Plural[0])}{kind.Plural[1..]} per second; 0 sends as fast as the server takes them.",
            DefaultValueFactory = _ => IntakeDemo.DefaultRate,
        };
        rate.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (!double.IsFinite(value) || value < 0)
            {
                result.AddError($"--rate must be 0 (as fast as possible) or a positive number of {kind.Plural} per second.");
            }
        });
        var seed = new Option<int?>("--seed")
        {
            Description = $"Seed for the generator, to replay the same {kind.Plural} ({kind.Noun} ids still differ per run).",
        };
        var server = ServerOption();

        var demo = new Command("demo", description);
        demo.Options.Add(count);
        demo.Options.Add(rate);
        demo.Options.Add(server);
        demo.Options.Add(seed);
        demo.SetAction((parse, cancellationToken) =>
        {
            var serverUri = AlertSender.ParseServer(parse.GetValue(server));
            var options = new DemoOptions(parse.GetValue(count), parse.GetValue(rate), parse.GetValue(seed), serverUri);
            return IntakeDemo.RunAsync(kind, options, createSource, parse.InvocationConfiguration.Output, cancellationToken);
        });
        return demo;
    }

    internal static async Task<int> SendFileAsync(IntakeKind kind, FileInfo file, Uri server, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        List<string> submissions;
        try
        {
            var now = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
            submissions = SplitSubmissions(await File.ReadAllTextAsync(file.FullName, cancellationToken))
                .Select(a => StampTime(a, kind.TimeField, now))
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

        if (submissions.Count == 0)
        {
            await error.WriteLineAsync($"{file.Name} holds an empty array: there is no {kind.Noun} to send.");
            return ExitCodes.Rejected;
        }

        using var http = AlertSender.CreateHttpClient();
        var sender = new IntakeSender(http, server, kind);
        var exitCode = ExitCodes.Ok;
        int accepted = 0, rejected = 0, failed = 0;
        for (var i = 0; i < submissions.Count; i++)
        {
            var label = submissions.Count > 1 ? $"[{i + 1}/{submissions.Count}] " : "";
            var id = IdOf(submissions[i], kind.IdField) ?? $"(no {kind.IdField})";
            var result = await sender.SendAsync(submissions[i], cancellationToken);
            exitCode = Math.Max(exitCode, result.ExitCode);
            switch (result)
            {
                case SendAccepted ok:
                    accepted++;
                    await output.WriteLineAsync($"{label}✓ {ok.Id} accepted 已受理 → incident {ok.IncidentId}");
                    break;
                case SendRejected problem:
                    rejected++;
                    await error.WriteLineAsync($"{label}✗ {id} rejected 被拒绝 ({problem.Status}): {problem.Title}");
                    foreach (var line in ProblemLines(problem))
                    {
                        await error.WriteLineAsync("    " + line);
                    }

                    break;
                case SendFailed failure:
                    failed++;
                    await error.WriteLineAsync($"{label}✗ {id} not sent 未发送: {failure.Message}");
                    break;
            }

            if (result is SendFailed { Unreachable: true } && i + 1 < submissions.Count)
            {
                await error.WriteLineAsync($"stopped: the remaining {submissions.Count - i - 1} {kind.Noun}(s) were not sent.");
                break;
            }
        }

        if (submissions.Count > 1)
        {
            await output.WriteLineAsync($"{submissions.Count} {kind.Plural}: {accepted} accepted, {rejected} rejected, {failed} failed, {submissions.Count - accepted - rejected - failed} not sent.");
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

    /// <summary>One object or an array of them, each kept as its own raw JSON so the server sees exactly what the file holds.</summary>
    internal static IReadOnlyList<string> SplitSubmissions(string text)
    {
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray().Select(e => e.GetRawText()).ToList()
            : [document.RootElement.GetRawText()];
    }

    /// <summary>
    /// A sample file kept in the repo cannot carry a fresh time, and intake refuses reports older than 30 days:
    /// an object without its time field (<c>receivedAt</c>, <c>reportedAt</c>) is sent as of now. One that has it is sent unchanged.
    /// </summary>
    internal static string StampTime(string json, string timeField, DateTimeOffset now)
    {
        if (System.Text.Json.Nodes.JsonNode.Parse(json) is not System.Text.Json.Nodes.JsonObject submission || submission.ContainsKey(timeField))
        {
            return json;
        }

        submission[timeField] = now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        return submission.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string? IdOf(string json, string idField)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty(idField, out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
    }
}
