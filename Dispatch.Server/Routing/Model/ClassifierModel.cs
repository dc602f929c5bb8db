using System.Text;
using System.Text.Json;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Dispatch.Server.Routing.Model;

/// <summary>A category the model weighs, with its probability.</summary>
public sealed record ModelScore(string Code, double Probability);

/// <summary>The model's answer: every category by probability (best first) and the text pieces that weighed most for the best.</summary>
public sealed record ModelPrediction(IReadOnlyList<ModelScore> Ranked, IReadOnlyList<string> Evidence);

/// <summary>
/// The trained classifier (an ML.NET pipeline: character n-gram TF-IDF features, then a maximum-entropy linear
/// model), loaded once and shared. Prediction engines are not thread-safe, so each call borrows one from a pool.
/// The explanation is exact for a linear model: a piece of text weighs its feature value times its weight for the
/// winning category.
/// </summary>
public sealed class ClassifierModel
{
    public const string ModelFileName = "classifier.zip";
    public const string InfoFileName = "classifier.json";

    /// <summary>Texts longer than this are cut before featurising: the first part of a call says what it is about.</summary>
    public const int MaxTextLength = 2000;

    private const int EvidenceCount = 4;

    /// <summary>The feature columns the trainer builds and <see cref="Piece"/> reads back.</summary>
    internal const string CharColumn = "Chars", WordColumn = "WordBag";

    private readonly ObjectPool<PredictionEngine<ModelInput, ModelOutput>> engines;
    private readonly string[] labels;
    private readonly string[] slotNames;
    private readonly float[][] weights;

    private ClassifierModel(MLContext ml, ITransformer model, DataViewSchema inputSchema, ModelInfo info)
    {
        Info = info;
        engines = new DefaultObjectPool<PredictionEngine<ModelInput, ModelOutput>>(new EnginePolicy(ml, model, inputSchema));
        var probe = engines.Get();
        try
        {
            labels = SlotNames(probe.OutputSchema["Score"]);
            slotNames = SlotNames(probe.OutputSchema["Features"]).Select(Piece).ToArray();
        }
        finally
        {
            engines.Return(probe);
        }

        var linear = FindLinear(model) ?? throw new InvalidDataException("The model file holds no maximum-entropy classifier.");
        VBuffer<float>[] perClass = [];
        linear.GetWeights(ref perClass, out var classes);
        if (classes != labels.Length)
        {
            throw new InvalidDataException($"The model has {classes} classes but {labels.Length} labels.");
        }

        Learnt = labels.ToHashSet(StringComparer.Ordinal);

        // Dense once, at load: explaining an answer then reads weights by index without allocating.
        weights = perClass.Select(w => w.DenseValues().ToArray()).ToArray();
    }

    public ModelInfo Info { get; }

    /// <summary>The categories it learnt, for a quick "does the model know this code" check.</summary>
    public IReadOnlySet<string> Learnt { get; }

    /// <summary>Loads <c>classifier.zip</c> and <c>classifier.json</c> from <paramref name="directory"/>; throws with a readable reason.</summary>
    public static ClassifierModel Load(string directory)
    {
        var modelPath = Path.Combine(directory, ModelFileName);
        var infoPath = Path.Combine(directory, InfoFileName);
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"No model file at {modelPath}: train one with 'dispatch classify train'.", modelPath);
        }

        var info = File.Exists(infoPath)
            ? JsonSerializer.Deserialize<ModelInfo>(File.ReadAllText(infoPath), CatalogueSnapshot.FileJson)
              ?? throw new InvalidDataException($"{infoPath} is empty.")
            : throw new FileNotFoundException($"No model description at {infoPath}: train again with 'dispatch classify train'.", infoPath);
        var ml = new MLContext(info.Seed);
        ITransformer model;
        DataViewSchema schema;
        try
        {
            using var stream = File.OpenRead(modelPath);
            model = ml.Model.Load(stream, out schema);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or InvalidOperationException or ArgumentException or IOException)
        {
            throw new InvalidDataException($"{modelPath} is not a readable model ({ex.GetType().Name}: {ex.Message}).", ex);
        }

        return new ClassifierModel(ml, model, schema, info);
    }

    /// <summary>Wraps a freshly trained model (training and cross-validation use it without a file).</summary>
    internal static ClassifierModel From(MLContext ml, ITransformer model, DataViewSchema inputSchema, ModelInfo info) =>
        new(ml, model, inputSchema, info);

    /// <summary>The text as the model sees it: compatibility forms folded (full-width digits and letters), cut to <see cref="MaxTextLength"/>.</summary>
    public static string Prepare(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        return folded.Length > MaxTextLength ? folded[..MaxTextLength] : folded;
    }

    public ModelPrediction Predict(string text)
    {
        var engine = engines.Get();
        ModelOutput output;
        try
        {
            var prepared = Prepare(text);
            output = engine.Predict(new ModelInput { Text = prepared, Words = Words.Cut(prepared) });
        }
        finally
        {
            engines.Return(engine);
        }

        var ranked = output.Score
            .Select((p, i) => new ModelScore(labels[i], p))
            .OrderByDescending(s => s.Probability).ThenBy(s => s.Code, StringComparer.Ordinal)
            .ToList();
        var best = Array.IndexOf(labels, ranked[0].Code);
        return new ModelPrediction(ranked, Evidence(output.Features, weights[best]));
    }

    /// <summary>The pieces of text with the largest positive weight × value for a category, longest kept when they overlap.</summary>
    private List<string> Evidence(VBuffer<float> features, float[] dense)
    {
        var contributions = new List<(string Piece, float Weight)>();
        foreach (var (index, value) in features.Items())
        {
            var weight = value * dense[index];
            if (weight > 0 && slotNames[index].Length > 0)
            {
                contributions.Add((slotNames[index], weight));
            }
        }

        // Words before single characters: "被偷" says more to an operator than "在".
        var chosen = new List<string>();
        foreach (var (piece, _) in contributions.OrderByDescending(c => c.Piece.Length > 1).ThenByDescending(c => c.Weight).ThenBy(c => c.Piece, StringComparer.Ordinal))
        {
            if (chosen.Any(c => c.Contains(piece, StringComparison.Ordinal)))
            {
                continue;
            }

            chosen.RemoveAll(c => piece.Contains(c, StringComparison.Ordinal));
            chosen.Add(piece);
            if (chosen.Count == EvidenceCount)
            {
                break;
            }
        }

        return chosen;
    }

    private static string[] SlotNames(DataViewSchema.Column column)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    /// <summary>
    /// A feature's slot name as the plain piece of text it stands for. Features are named "&lt;column&gt;.&lt;n-gram&gt;":
    /// a word of <see cref="WordColumn"/> stands as it is; a character n-gram of <see cref="CharColumn"/> is its
    /// characters joined by '|' ("被|偷"), with &lt;␂&gt; and &lt;␃&gt; marking the text's start and end and &lt;␠&gt; a space.
    /// </summary>
    internal static string Piece(string slotName)
    {
        if (slotName.StartsWith(WordColumn + ".", StringComparison.Ordinal))
        {
            return slotName[(WordColumn.Length + 1)..].Replace("|", "", StringComparison.Ordinal);
        }

        var gram = slotName.StartsWith(CharColumn + ".", StringComparison.Ordinal) ? slotName[(CharColumn.Length + 1)..] : slotName;
        var builder = new StringBuilder();
        foreach (var part in gram.Split('|'))
        {
            if (part.Length == 1)
            {
                builder.Append(part);
            }
            else if (part == "<␠>")
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Trim();
    }

    private static MaximumEntropyModelParameters? FindLinear(ITransformer model) => model switch
    {
        MulticlassPredictionTransformer<MaximumEntropyModelParameters> predictor => predictor.Model,
        IEnumerable<ITransformer> chain => chain.Select(FindLinear).FirstOrDefault(p => p is not null),
        _ => null,
    };

    internal sealed class ModelInput
    {
        public string Text { get; set; } = "";

        /// <summary>The text cut into words (<see cref="Model.Words"/>), space-separated.</summary>
        public string Words { get; set; } = "";

        public string Label { get; set; } = "";
    }

    internal sealed class ModelOutput
    {
        public float[] Score { get; set; } = [];

        public VBuffer<float> Features { get; set; }
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer model, DataViewSchema inputSchema) : PooledObjectPolicy<PredictionEngine<ModelInput, ModelOutput>>
    {
        public override PredictionEngine<ModelInput, ModelOutput> Create() =>
            ml.Model.CreatePredictionEngine<ModelInput, ModelOutput>(model, inputSchema: inputSchema);

        public override bool Return(PredictionEngine<ModelInput, ModelOutput> obj) => true;
    }
}
