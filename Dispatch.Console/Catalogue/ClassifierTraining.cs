using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dispatch.Console.Alerts;
using Dispatch.Server.Routing;
using Dispatch.Server.Routing.Model;
using Spectre.Console;

namespace Dispatch.Console.Catalogue;

/// <summary>
/// <c>dispatch classify train | evaluate | corrections</c>: make the model from the corpus, measure it on the frozen
/// evaluation set, and export operators' reclassifications for an admin to review and add. Paths default to the
/// repository's layout, so run them from its root.
/// </summary>
public static class ClassifierTraining
{
    public const string DefaultCorpus = "infra/catalogue/corpus/train";
    public const string DefaultEvaluationSet = "infra/catalogue/corpus/eval";
    public const string DefaultModelFolder = "Dispatch.Server/Routing/Model";

    public static Command BuildTrain()
    {
        var corpus = new Option<string>("--corpus") { Description = "The labelled corpus: a folder of TSV files or one file.", DefaultValueFactory = _ => DefaultCorpus };
        var output = new Option<string>("--out", "-o") { Description = "Where to write classifier.zip and classifier.json.", DefaultValueFactory = _ => DefaultModelFolder };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same corpus and seed give the same model.", DefaultValueFactory = _ => ModelTrainer.DefaultSeed };
        var noCv = new Option<bool>("--no-cross-validation") { Description = $"Skip the {ModelTrainer.Folds}-fold cross-validation and keep the threshold given by --threshold." };
        var threshold = new Option<double?>("--threshold") { Description = "Use this triage threshold instead of the one cross-validation chooses." };
        var command = new Command("train", "Train the classifier from the labelled corpus (deterministic; cross-validation chooses the triage threshold).");
        command.Options.Add(corpus);
        command.Options.Add(output);
        command.Options.Add(seed);
        command.Options.Add(noCv);
        command.Options.Add(threshold);
        command.SetAction(parse => Train(parse.GetValue(corpus)!, parse.GetValue(output)!, parse.GetValue(seed), !parse.GetValue(noCv),
            parse.GetValue(threshold), TimeProvider.System, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static Command BuildEvaluate()
    {
        var set = new Option<string>("--set") { Description = "The frozen evaluation set: a TSV file or folder with category, danger, text.", DefaultValueFactory = _ => DefaultEvaluationSet };
        var model = new Option<string?>("--model", "-m") { Description = "The folder holding classifier.zip (default: the one shipped beside this program)." };
        var minKind = new Option<double>("--min-kind") { Description = "Fail (exit 1) below this kind accuracy.", DefaultValueFactory = _ => 0 };
        var minCategory = new Option<double>("--min-category") { Description = "Fail below this category accuracy.", DefaultValueFactory = _ => 0 };
        var maxTriage = new Option<double>("--max-triage") { Description = "Fail above this triage rate.", DefaultValueFactory = _ => 1 };
        var minDanger = new Option<double>("--min-danger") { Description = "Fail when fewer danger-to-life texts than this share end as police work or urgent triage.", DefaultValueFactory = _ => 0 };
        var record = new Option<bool>("--record") { Description = "Write the figures into the model's classifier.json (what GET /api/catalogue/model shows)." };
        var misses = new Option<bool>("--misses") { Description = "List every text it got wrong." };
        var command = new Command("evaluate", "Measure the classifier on the frozen evaluation set: kind and category accuracy, triage rate, danger-to-life safety, per-category precision and recall.");
        foreach (var option in new Option[] { set, model, minKind, minCategory, maxTriage, minDanger, record, misses })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Evaluate(parse.GetValue(set)!, parse.GetValue(model),
            new Floors(parse.GetValue(minKind), parse.GetValue(minCategory), parse.GetValue(maxTriage), parse.GetValue(minDanger)),
            parse.GetValue(record), parse.GetValue(misses), TimeProvider.System, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static Command BuildCorrections()
    {
        var since = new Option<string>("--since") { Description = "From this date (2026-12-01, Asia/Shanghai) or time with its offset.", Required = true };
        var file = new Option<FileInfo?>("--out", "-o") { Description = "Write the TSV here instead of printing it." };
        var server = AlertCommands.ServerOption();
        var command = new Command("corrections", "Operators' reclassifications in triage, as corpus lines (category, text, source) for an admin to review and add (sign in as admin).");
        command.Options.Add(since);
        command.Options.Add(file);
        command.Options.Add(server);
        command.SetAction((parse, cancellationToken) => CorrectionsAsync(AlertSender.ParseServer(parse.GetValue(server)), parse.GetValue(since)!,
            parse.GetValue(file), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    /// <summary>The figures a run must reach; CI passes the measured ones minus a small margin.</summary>
    public sealed record Floors(double Kind, double Category, double MaxTriage, double Danger);

    internal static int Train(string corpusPath, string outputFolder, int seed, bool crossValidate, double? threshold, TimeProvider clock, TextWriter output, TextWriter error)
    {
        var catalogue = CatalogueSnapshot.LoadEmbedded();
        if (!ReadCorpus(corpusPath, catalogue, error, out var corpus))
        {
            return ExitCodes.Rejected;
        }

        var console = Terminal.For(output);
        var watch = Stopwatch.StartNew();
        ModelInfo info = null!;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var bar = context.AddTask($"training on {corpus.Count} texts", maxValue: 1);
                var chosen = threshold ?? 0.5;
                (double, double)? danger = null;
                double? nonChinese = null;
                double? nonChineseTriageDanger = null;
                ModelFigures? figures = null;
                if (crossValidate)
                {
                    var cv = ModelTrainer.CrossValidate(corpus, catalogue, seed, clock.GetUtcNow(), (step, done) =>
                    {
                        bar.Description = step;
                        bar.Value = done;
                    });
                    chosen = threshold ?? cv.Threshold;
                    danger = (cv.DangerThreshold, cv.TriageDangerThreshold);
                    nonChinese = cv.NonChineseThreshold;
                    nonChineseTriageDanger = cv.NonChineseTriageDangerThreshold;
                    figures = cv.Figures;
                }

                bar.Description = "final model";
                bar.Value = crossValidate ? ModelTrainer.Folds / (double)(ModelTrainer.Folds + 1) : 0.5;
                var trained = ModelTrainer.Train(corpus, seed, chosen, danger, clock.GetUtcNow(), figures, nonChinese, nonChineseTriageDanger);
                info = ModelTrainer.Save(trained, outputFolder);
                bar.Description = "done";
                bar.Value = 1;
            });

        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"model {info.Version}: {info.CorpusSize} texts, {info.Categories} categories, threshold {info.Threshold:0.00}, danger thresholds {info.DangerThreshold?.ToString("0.00", inv) ?? "off"} answered / {info.TriageDangerThreshold?.ToString("0.00", inv) ?? "off"} triage, texts without Chinese {info.NonChineseThreshold?.ToString("0.00", inv) ?? "to triage"} answered / {info.NonChineseTriageDangerThreshold?.ToString("0.00", inv) ?? "off"} triage danger, {watch.Elapsed.TotalSeconds:0.0} s"));
        if (info.CrossValidation is { } f)
        {
            output.WriteLine(string.Create(inv, $"cross-validation: kind {f.KindAccuracy:0.000}, category {f.CategoryAccuracy:0.000}, triage {f.TriageRate:P1}"));
        }

        output.WriteLine($"wrote {Path.Combine(outputFolder, ClassifierModel.ModelFileName)} and {ClassifierModel.InfoFileName}");
        return ExitCodes.Ok;
    }

    internal static int Evaluate(string setPath, string? modelPath, Floors floors, bool record, bool listMisses, TimeProvider clock, TextWriter output, TextWriter error)
    {
        var catalogue = CatalogueSnapshot.LoadEmbedded();
        if (!ReadCorpus(setPath, catalogue, error, out var set))
        {
            return ExitCodes.Rejected;
        }

        var classifier = ClassifyCommand.OfflineClassifier(modelPath);
        if (classifier.Model is null)
        {
            error.WriteLine($"No model to evaluate: {classifier.ModelProblem}");
            return ExitCodes.Rejected;
        }

        var report = ModelEvaluation.Evaluate(Path.GetFileName(setPath.TrimEnd('/')), set, t => classifier.Classify(null, t.Text, catalogue), catalogue, clock.GetUtcNow());
        Print(report, classifier.Model.Info, catalogue, listMisses, output);
        if (record)
        {
            ModelTrainer.WriteInfo(classifier.Model.Info with { Evaluation = report.Figures }, modelPath ?? ClassifierSettings.DefaultModelPath);
            output.WriteLine($"recorded the figures in {Path.Combine(modelPath ?? ClassifierSettings.DefaultModelPath, ClassifierModel.InfoFileName)}");
        }

        var f = report.Figures;
        var danger = f.DangerTexts == 0 ? 1 : f.DangerSafe / (double)f.DangerTexts;
        var failures = new List<string>();
        if (f.KindAccuracy < floors.Kind) failures.Add(string.Create(CultureInfo.InvariantCulture, $"kind accuracy {f.KindAccuracy:0.000} < {floors.Kind:0.000}"));
        if (f.CategoryAccuracy < floors.Category) failures.Add(string.Create(CultureInfo.InvariantCulture, $"category accuracy {f.CategoryAccuracy:0.000} < {floors.Category:0.000}"));
        if (f.TriageRate > floors.MaxTriage) failures.Add(string.Create(CultureInfo.InvariantCulture, $"triage rate {f.TriageRate:0.000} > {floors.MaxTriage:0.000}"));
        if (danger < floors.Danger) failures.Add(string.Create(CultureInfo.InvariantCulture, $"danger-to-life safety {danger:0.000} < {floors.Danger:0.000}"));
        foreach (var failure in failures)
        {
            error.WriteLine($"BELOW THE FLOOR: {failure}");
        }

        return failures.Count == 0 ? ExitCodes.Ok : ExitCodes.BelowFloor;
    }

    private static void Print(EvaluationReport report, ModelInfo model, CatalogueSnapshot catalogue, bool listMisses, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        var f = report.Figures;
        output.WriteLine($"model {model.Version} on {f.Set}: {f.Texts} texts");
        output.WriteLine(string.Create(inv, $"kind accuracy      {f.KindAccuracy:0.000}"));
        output.WriteLine(string.Create(inv, $"category accuracy  {f.CategoryAccuracy:0.000}"));
        output.WriteLine(string.Create(inv, $"triage rate        {f.TriageRate:0.000}"));
        output.WriteLine(string.Create(inv, $"danger to life     {f.DangerSafe}/{f.DangerTexts} police work or urgent triage"));
        output.WriteLine(string.Create(inv, $"false alarms       {report.FalseAlarms}/{report.CalmTexts} calm texts sent to urgent triage"));
        foreach (var (kind, (texts, right)) in report.Kinds.OrderBy(k => k.Key))
        {
            output.WriteLine(string.Create(inv, $"  {kind,-10} {right}/{texts} right kind ({right / (double)Math.Max(1, texts):0.000})"));
        }

        output.WriteLine($"{"category",-22} {"n",4} {"precision",9} {"recall",7}");
        foreach (var c in report.Categories.Where(c => c.Support > 0 || c.Predicted > 0))
        {
            output.WriteLine(string.Create(inv, $"{c.Code,-22} {c.Support,4} {c.Precision,9:0.00} {c.Recall,7:0.00}  {catalogue.Find(c.Code)?.NameZh}"));
        }

        foreach (var miss in report.DangerMisses)
        {
            output.WriteLine($"DANGER MISSED {miss.Text.Origin} {miss.Text.Category} → {miss.Result.Category?.Code ?? "triage"}: {miss.Text.Text}");
        }

        if (listMisses)
        {
            foreach (var miss in report.Misses)
            {
                var got = miss.Result.NeedsTriage ? miss.Result.Urgent ? "urgent triage" : "triage" : miss.Result.Category!.Code;
                output.WriteLine(string.Create(inv, $"MISS {miss.Text.Origin} {miss.Text.Category} → {got} {miss.Result.Confidence:0.00}: {miss.Text.Text}"));
            }
        }
    }

    internal static async Task<int> CorrectionsAsync(Uri server, string since, FileInfo? file, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var http = AlertSender.CreateHttpClient();
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(server, $"api/catalogue/corrections?since={Uri.EscapeDataString(since)}"), cancellationToken);
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

            var examples = JsonSerializer.Deserialize<List<CorrectionExample>>(body, CatalogueSnapshot.FileJson) ?? [];
            var tsv = new StringBuilder(Corpus.Header).Append('\n');
            foreach (var example in examples)
            {
                tsv.Append(Corpus.Line(example.Category, example.Text, example.Source)).Append('\n');
            }

            if (file is null)
            {
                await output.WriteAsync(tsv.ToString());
            }
            else
            {
                await File.WriteAllTextAsync(file.FullName, tsv.ToString(), new UTF8Encoding(false), cancellationToken);
                await output.WriteLineAsync($"wrote {examples.Count} corrections to {file.FullName}: review them, add them to {DefaultCorpus}, and run 'dispatch classify train'");
            }

            return ExitCodes.Ok;
        }
    }

    private static bool ReadCorpus(string path, CatalogueSnapshot catalogue, TextWriter error, out IReadOnlyList<LabelledText> texts)
    {
        texts = [];
        try
        {
            var (read, errors) = Corpus.Read(path, catalogue);
            foreach (var problem in errors)
            {
                error.WriteLine($"{problem.Origin}: {problem.Message}");
            }

            if (errors.Count > 0 || read.Count == 0)
            {
                error.WriteLine(errors.Count > 0 ? $"{errors.Count} bad lines in {path}: fix them first." : $"No labelled texts in {path}.");
                return false;
            }

            texts = read;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            error.WriteLine($"Cannot read {path}: {ex.Message}");
            return false;
        }
    }
}
