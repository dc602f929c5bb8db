using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Console.Alerts;
using Dispatch.Server.Routing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dispatch.Console.Catalogue;

/// <summary>
/// <c>dispatch classify "TEXT" [--code CODE] [--server URL]</c>: how a description would be classified, and why.
/// Offline by default, with the model and catalogue shipped in this build; <c>--server</c> asks a running server.
/// Its verbs <c>train</c>, <c>evaluate</c> and <c>corrections</c> make, measure and feed the model
/// (<see cref="ClassifierTraining"/>).
/// </summary>
public static class ClassifyCommand
{
    private static readonly JsonSerializerOptions Json = CatalogueSnapshot.FileJson;

    public static Command Build()
    {
        var text = new Argument<string>("text") { Description = "The alert description in Chinese, e.g. \"楼下烧烤店油烟太大\"." };
        var code = new Option<string?>("--code", "-c") { Description = "The alert's category code, if it has one (a known code wins over the text)." };
        var model = new Option<string?>("--model", "-m") { Description = "Offline only: the folder holding classifier.zip (default: the one shipped beside this program)." };
        var server = new Option<string?>("--server", "-s") { Description = "Ask this Dispatch server (its edited catalogue and its model) instead of classifying offline." };
        server.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (!AlertSender.TryParseServer(value, out _))
            {
                result.AddError($"--server '{value}' is not an http:// or https:// URL, e.g. {AlertSender.DefaultServer}.");
            }
        });

        var command = new Command("classify", "Classify an alert description with the trained model (the catalogue's keywords if it is missing), and say why.");
        command.Arguments.Add(text);
        command.Options.Add(code);
        command.Options.Add(model);
        command.Options.Add(server);
        command.SetAction((parse, cancellationToken) =>
        {
            var config = parse.InvocationConfiguration;
            var serverText = parse.GetValue(server);
            return serverText is null
                ? Task.FromResult(ClassifyOffline(parse.GetValue(text)!, parse.GetValue(code), parse.GetValue(model), config.Output))
                : ClassifyOnlineAsync(parse.GetValue(text)!, parse.GetValue(code), AlertSender.ParseServer(serverText), config.Output, config.Error, cancellationToken);
        });
        command.Subcommands.Add(ClassifierTraining.BuildTrain());
        command.Subcommands.Add(ClassifierTraining.BuildEvaluate());
        command.Subcommands.Add(ClassifierTraining.BuildCorrections());
        return command;
    }

    /// <summary>The classifier this program would use offline: the model in <paramref name="modelPath"/> (or shipped), else keywords.</summary>
    internal static CategoryClassifier OfflineClassifier(string? modelPath) =>
        RoutingSetup.LoadClassifier(new ClassifierSettings(ClassifierSettings.DefaultThreshold, null, modelPath), NullLogger.Instance);

    internal static int ClassifyOffline(string text, string? code, string? modelPath, TextWriter output)
    {
        var classifier = OfflineClassifier(modelPath);
        var result = classifier.Classify(code, text, CatalogueSnapshot.LoadEmbedded());
        var source = classifier.Model is { } m ? $"offline (model {m.Info.Version})" : $"offline (keywords: {classifier.ModelProblem})";
        Print(ClassifyResponse.From(result, classifier.Threshold), source, output);
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
            ? answer.Urgent ? "类别 Category:      (紧急研判 URGENT triage: danger to life)" : "类别 Category:      (需人工研判 needs triage)"
            : $"类别 Category:      {answer.CategoryCode} {answer.CategoryName}");
        output.WriteLine($"性质 Kind:          {answer.Kind}");
        output.WriteLine(string.Create(inv, $"置信度 Confidence:  {answer.Confidence:0.00} (threshold {answer.Threshold:0.00})"));
        if (answer.Candidates.Count > 0)
        {
            output.WriteLine("候选 Candidates:    " + string.Join(", ",
                answer.Candidates.Select(c => string.Create(inv, $"{c.Code} {c.NameZh} {c.Kind} {c.Score:0.###}"))));
        }

        output.WriteLine("理由 Reasons:");
        foreach (var reason in answer.Reasons)
        {
            output.WriteLine($"  - {reason}");
        }
    }
}
