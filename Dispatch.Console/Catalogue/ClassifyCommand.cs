using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Console.Alerts;
using Dispatch.Server.Routing;

namespace Dispatch.Console.Catalogue;

/// <summary>
/// <c>dispatch classify "TEXT" [--code CODE] [--threshold T] [--server URL]</c>: shows how a description would be
/// classified. Offline by default, with the catalogue embedded in this build; <c>--server</c> asks a running
/// server, whose catalogue may have been edited.
/// </summary>
public static class ClassifyCommand
{
    private static readonly JsonSerializerOptions Json = CatalogueSnapshot.FileJson;

    public static Command Build()
    {
        var text = new Argument<string>("text") { Description = "The alert description in Chinese, e.g. \"楼下烧烤店油烟太大\"." };
        var code = new Option<string?>("--code", "-c") { Description = "The alert's category code, if it has one (a known code wins over the text)." };
        var threshold = new Option<double>("--threshold", "-t")
        {
            Description = $"Offline only: confidence below which the answer is NeedsTriage (default {ClassifierSettings.DefaultThreshold}; the server uses {ClassifierSettings.ThresholdKey}).",
            DefaultValueFactory = _ => ClassifierSettings.DefaultThreshold,
        };
        threshold.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (>= 0 and <= 1))
            {
                result.AddError("--threshold must be from 0 to 1.");
            }
        });
        var server = new Option<string?>("--server", "-s") { Description = "Ask this Dispatch server (its edited catalogue) instead of classifying offline." };
        server.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (!AlertSender.TryParseServer(value, out _))
            {
                result.AddError($"--server '{value}' is not an http:// or https:// URL, e.g. {AlertSender.DefaultServer}.");
            }
        });

        var command = new Command("classify", "Classify an alert description with the category catalogue's keywords, and say why.");
        command.Arguments.Add(text);
        command.Options.Add(code);
        command.Options.Add(threshold);
        command.Options.Add(server);
        command.SetAction((parse, cancellationToken) =>
        {
            var config = parse.InvocationConfiguration;
            var serverText = parse.GetValue(server);
            return serverText is null
                ? Task.FromResult(ClassifyOffline(parse.GetValue(text)!, parse.GetValue(code), parse.GetValue(threshold), config.Output))
                : ClassifyOnlineAsync(parse.GetValue(text)!, parse.GetValue(code), AlertSender.ParseServer(serverText), config.Output, config.Error, cancellationToken);
        });
        return command;
    }

    internal static int ClassifyOffline(string text, string? code, double threshold, TextWriter output)
    {
        var result = Classifier.Classify(code, text, CatalogueSnapshot.LoadEmbedded(), threshold);
        Print(ClassifyResponse.From(result, threshold), "offline (embedded catalogue)", output);
        return ExitCodes.Ok;
    }

    internal static async Task<int> ClassifyOnlineAsync(
        string text, string? code, Uri server, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var http = AlertSender.CreateHttpClient();
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(new Uri(server, "api/catalogue/classify"), new ClassifyRequest(code, text), Json, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.StatusCode is null)
        {
            await error.WriteLineAsync(AlertSender.Unreachable(server).Message);
            return ExitCodes.Unavailable;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                await error.WriteLineAsync($"{AlertSender.ServerText(server)} answered {(int)response.StatusCode}: {body}");
                return (int)response.StatusCode is >= 400 and < 500 ? ExitCodes.Rejected : ExitCodes.Unavailable;
            }

            var answer = JsonSerializer.Deserialize<ClassifyResponse>(body, Json);
            if (answer is null)
            {
                await error.WriteLineAsync($"{AlertSender.ServerText(server)} answered without a classification: is it a Dispatch server?");
                return ExitCodes.Unavailable;
            }

            Print(answer, AlertSender.ServerText(server), output);
            return ExitCodes.Ok;
        }
    }

    private static void Print(ClassifyResponse answer, string source, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"来源 Source:        {source}");
        output.WriteLine(answer.NeedsTriage
            ? "类别 Category:      (需人工研判 needs triage)"
            : $"类别 Category:      {answer.CategoryCode} {answer.CategoryName}");
        output.WriteLine($"性质 Kind:          {answer.Kind}");
        output.WriteLine(string.Create(inv, $"置信度 Confidence:  {answer.Confidence:0.00} (threshold {answer.Threshold:0.00})"));
        if (answer.Candidates.Count > 0)
        {
            output.WriteLine("候选 Candidates:    " + string.Join(", ",
                answer.Candidates.Select(c => string.Create(inv, $"{c.Code} {c.NameZh} {c.Kind} {c.Score:0.#}"))));
        }

        output.WriteLine("理由 Reasons:");
        foreach (var reason in answer.Reasons)
        {
            output.WriteLine($"  - {reason}");
        }
    }
}
