using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Dispatch.Contracts;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Dispatch.Server.Routing.Model;

/// <summary>
/// Trains the classifier from the labelled corpus: ML.NET's text featuriser (character 1–3-grams and jieba
/// words, TF-IDF, L2 norm; word bigrams measured worse in cross-validation) feeding an L-BFGS maximum-entropy model. Deterministic for a corpus and a seed (one thread). The
/// triage threshold is chosen by k-fold cross-validation on the corpus itself, never on the evaluation set.
/// </summary>
public static class ModelTrainer
{
    public const int DefaultSeed = 20261205;
    public const int Folds = 5;

    /// <summary>The threshold is the lowest probability whose cross-validated triage rate stays at or under this.</summary>
    public const double TargetTriageRate = 0.06;

    public const string FeaturesText = "character 1–3-grams of the NFKC-folded text and its words (jieba), each TF-IDF weighted and L2-normalised (ML.NET FeaturizeText)";
    public const string TrainerText = "multiclass maximum entropy, L-BFGS (ML.NET LbfgsMaximumEntropy), L1 0.0001, L2 0.001";

    /// <summary>Reports progress: a step's name and the fraction done.</summary>
    public delegate void Progress(string step, double done);

    /// <summary>
    /// At most this share of texts that are not danger to life may be flagged urgent by the model's danger
    /// probability, answered or in triage. (A looser 20 % for texts already in triage saved no danger text in either
    /// evaluation set and raised false alarms, so both places keep the same rate.)
    /// </summary>
    public const double TargetDangerFlagRate = 0.03;

    /// <summary>What cross-validation chose and measured.</summary>
    public sealed record CrossValidation(double Threshold, double DangerThreshold, double TriageDangerThreshold, ModelFigures Figures);

    public sealed record Trained(ClassifierModel Model, ITransformer Transformer, MLContext Context, DataViewSchema Schema);

    public static Trained Train(
        IReadOnlyList<LabelledText> corpus, int seed, double threshold, (double Answered, double Triage)? danger, DateTimeOffset at, ModelFigures? crossValidation)
    {
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(corpus.Select(Input));
        var transformer = Pipeline(ml).Fit(data);
        var info = new ModelInfo("", at, corpus.Count, corpus.Select(t => t.Category).Distinct().Count(), threshold, danger?.Answered, danger?.Triage, seed,
            FeaturesText, TrainerText, crossValidation, null);
        return new Trained(ClassifierModel.From(ml, transformer, data.Schema, info), transformer, ml, data.Schema);
    }

    /// <summary>
    /// k-fold cross-validation on the corpus (stratified by category, folds fixed by the seed): the probability of
    /// the best category for every held-out text, to choose the threshold, and the figures at that threshold.
    /// </summary>
    public static CrossValidation CrossValidate(
        IReadOnlyList<LabelledText> corpus, CatalogueSnapshot catalogue, int seed, DateTimeOffset at, Progress? progress = null)
    {
        var random = new Random(seed);
        var fold = new int[corpus.Count];
        foreach (var group in corpus.Select((t, i) => (t.Category, i)).GroupBy(x => x.Category))
        {
            var members = group.Select(x => x.i).OrderBy(_ => random.Next()).ToList();
            for (var k = 0; k < members.Count; k++)
            {
                fold[members[k]] = k % Folds;
            }
        }

        // The folds are independent models with their own seeded context, so they train side by side on every
        // core and the result is the same as one after another.
        var held = new (LabelledText Text, ModelScore Best, double DangerMass)[corpus.Count];
        var done = 0;
        Parallel.For(0, Folds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
        {
            var train = corpus.Where((_, i) => fold[i] != f).ToList();
            var model = Train(train, seed, 0, null, at, null).Model;
            for (var i = 0; i < corpus.Count; i++)
            {
                if (fold[i] == f)
                {
                    var ranked = model.Predict(corpus[i].Text).Ranked;
                    held[i] = (corpus[i], ranked[0], DangerMass(ranked));
                }
            }

            var finished = Interlocked.Increment(ref done);
            progress?.Invoke($"cross-validation fold {finished}/{Folds} done", finished / (double)(Folds + 1));
        });

        var probabilities = held.Select(h => h.Best.Probability).Order().ToList();
        var threshold = Math.Round(probabilities[(int)Math.Floor(TargetTriageRate * (probabilities.Count - 1))], 2, MidpointRounding.ToZero);
        int kindRight = 0, categoryRight = 0, triage = 0;
        foreach (var (text, best, _) in held)
        {
            if (best.Probability < threshold)
            {
                triage++;
                continue;
            }

            categoryRight += best.Code == text.Category ? 1 : 0;
            kindRight += catalogue.Find(best.Code)?.Kind == catalogue.Find(text.Category)?.Kind ? 1 : 0;
        }

        // The texts the danger rule could wrongly flag, in each of the two places it acts: not danger to life by
        // category, and answered as other than police work, or sent to triage. At most TargetDangerFlagRate of each.
        var calm = held.Where(h => !DangerSigns.LifeThreateningCategories.Contains(h.Text.Category)).ToList();
        var dangerThreshold = FlagLimit(calm.Where(h => h.Best.Probability >= threshold && catalogue.Find(h.Best.Code)?.Kind != IncidentKind.Police).Select(h => h.DangerMass), TargetDangerFlagRate);
        var triageDangerThreshold = FlagLimit(calm.Where(h => h.Best.Probability < threshold).Select(h => h.DangerMass), TargetDangerFlagRate);

        double Share(int n) => Math.Round(n / (double)corpus.Count, 4);
        return new CrossValidation(threshold, dangerThreshold, triageDangerThreshold, new ModelFigures($"{Folds}-fold cross-validation on the corpus", corpus.Count,
            Share(kindRight), Share(categoryRight), Share(triage), 0, 0, at));
    }

    private static double FlagLimit(IEnumerable<double> masses, double rate)
    {
        var sorted = masses.Order().ToList();
        return sorted.Count == 0 ? 1 : Math.Round(sorted[(int)Math.Ceiling((1 - rate) * (sorted.Count - 1))], 2, MidpointRounding.ToPositiveInfinity);
    }

    /// <summary>The probability the model gives the life-threatening categories together.</summary>
    public static double DangerMass(IEnumerable<ModelScore> ranked) =>
        ranked.Where(s => DangerSigns.LifeThreateningCategories.Contains(s.Code)).Sum(s => s.Probability);

    /// <summary>Writes <c>classifier.zip</c> and <c>classifier.json</c>; the version is the date and the model file's hash.</summary>
    public static ModelInfo Save(Trained trained, string directory)
    {
        Directory.CreateDirectory(directory);
        var modelPath = Path.Combine(directory, ClassifierModel.ModelFileName);
        using (var stream = File.Create(modelPath))
        {
            trained.Context.Model.Save(trained.Transformer, trained.Schema, stream);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(modelPath)))[..10];
        var info = trained.Model.Info with
        {
            Version = string.Create(CultureInfo.InvariantCulture, $"{trained.Model.Info.TrainedAt.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd}-{hash}"),
        };
        WriteInfo(info, directory);
        return info;
    }

    public static void WriteInfo(ModelInfo info, string directory) =>
        File.WriteAllText(Path.Combine(directory, ClassifierModel.InfoFileName), JsonSerializer.Serialize(info, InfoJson) + "\n");

    private static readonly JsonSerializerOptions InfoJson = new(CatalogueSnapshot.FileJson) { WriteIndented = true };

    private static ClassifierModel.ModelInput Input(LabelledText text)
    {
        var prepared = ClassifierModel.Prepare(text.Text);
        return new ClassifierModel.ModelInput { Text = prepared, Words = Words.Cut(prepared), Label = text.Category };
    }

    private static EstimatorChain<MulticlassPredictionTransformer<MaximumEntropyModelParameters>> Pipeline(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText(ClassifierModel.CharColumn, new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = false,
                KeepNumbers = true,
                WordFeatureExtractor = null,
                CharFeatureExtractor = new WordBagEstimator.Options
                {
                    NgramLength = 3,
                    UseAllLengths = true,
                    Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
                },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, "Text"))
            .Append(ml.Transforms.Text.FeaturizeText(ClassifierModel.WordColumn, new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = false,
                KeepNumbers = true,
                CharFeatureExtractor = null,
                WordFeatureExtractor = new WordBagEstimator.Options
                {
                    NgramLength = 1,
                    UseAllLengths = true,
                    Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
                },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, "Words"))
            .Append(ml.Transforms.Concatenate("Features", ClassifierModel.CharColumn, ClassifierModel.WordColumn))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                L1Regularization = 0.0001f,
                L2Regularization = 0.001f,
                NumberOfThreads = 1,
                OptimizationTolerance = 1e-4f,
                MaximumNumberOfIterations = 100,
                HistorySize = 50,
            }));
}
