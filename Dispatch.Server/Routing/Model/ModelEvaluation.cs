using Dispatch.Contracts;

namespace Dispatch.Server.Routing.Model;

/// <summary>Precision and recall of one category on an evaluation set.</summary>
/// <param name="Code">The category.</param>
/// <param name="Support">Texts labelled with it.</param>
/// <param name="Predicted">Texts the classifier gave it.</param>
/// <param name="Right">Texts labelled with it that it got.</param>
public sealed record CategoryFigures(string Code, int Support, int Predicted, int Right)
{
    public double Precision => Predicted == 0 ? 0 : Right / (double)Predicted;

    public double Recall => Support == 0 ? 0 : Right / (double)Support;
}

/// <summary>One text of the set, what it should be and what the classifier said.</summary>
public sealed record EvaluatedText(LabelledText Text, ClassificationResult Result, bool DangerSafe);

/// <summary>The whole evaluation: headline figures, per category and per kind, and every answer.</summary>
public sealed record EvaluationReport(
    ModelFigures Figures,
    IReadOnlyList<CategoryFigures> Categories,
    IReadOnlyDictionary<IncidentKind, (int Texts, int Right)> Kinds,
    IReadOnlyList<EvaluatedText> Answers)
{
    public IEnumerable<EvaluatedText> Misses => Answers.Where(a => a.Result.NeedsTriage || a.Result.Category?.Code != a.Text.Category);

    public IEnumerable<EvaluatedText> DangerMisses => Answers.Where(a => a.Text.Danger && !a.DangerSafe);

    /// <summary>Texts not about danger to life that the safety rule still sent to urgent triage: its false alarms.</summary>
    public int FalseAlarms => Answers.Count(a => !a.Text.Danger && a.Result.Urgent);

    /// <summary>Texts not about danger to life.</summary>
    public int CalmTexts => Answers.Count(a => !a.Text.Danger);
}

/// <summary>
/// Measures a classifier on labelled texts. A triage answer is a miss for accuracy (an operator had to act) and
/// is counted in the triage rate; a danger-to-life text is safe when it ended as police work or urgent triage.
/// Pure.
/// </summary>
public static class ModelEvaluation
{
    public static EvaluationReport Evaluate(
        string set, IReadOnlyList<LabelledText> texts, Func<LabelledText, ClassificationResult> classify, CatalogueSnapshot catalogue, DateTimeOffset at)
    {
        var answers = texts.Select(t =>
        {
            var result = classify(t);
            var safe = result.Urgent || result is { NeedsTriage: false, Kind: IncidentKind.Police };
            return new EvaluatedText(t, result, safe);
        }).ToList();

        var categories = texts.Select(t => t.Category)
            .Concat(answers.Where(a => !a.Result.NeedsTriage).Select(a => a.Result.Category!.Code))
            .Distinct().Order(StringComparer.Ordinal)
            .Select(code => new CategoryFigures(code,
                answers.Count(a => a.Text.Category == code),
                answers.Count(a => !a.Result.NeedsTriage && a.Result.Category!.Code == code),
                answers.Count(a => a.Text.Category == code && !a.Result.NeedsTriage && a.Result.Category!.Code == code)))
            .ToList();

        var kinds = answers.GroupBy(a => catalogue.Find(a.Text.Category)!.Kind)
            .ToDictionary(g => g.Key, g => (g.Count(), g.Count(a => !a.Result.NeedsTriage && a.Result.Kind == g.Key)));

        double Share(int n) => texts.Count == 0 ? 0 : Math.Round(n / (double)texts.Count, 4);
        var figures = new ModelFigures(set, texts.Count,
            Share(answers.Count(a => !a.Result.NeedsTriage && a.Result.Kind == catalogue.Find(a.Text.Category)!.Kind)),
            Share(answers.Count(a => !a.Result.NeedsTriage && a.Result.Category!.Code == a.Text.Category)),
            Share(answers.Count(a => a.Result.NeedsTriage)),
            answers.Count(a => a.Text.Danger),
            answers.Count(a => a.Text.Danger && a.DangerSafe),
            at);
        return new EvaluationReport(figures, categories, kinds, answers);
    }
}
