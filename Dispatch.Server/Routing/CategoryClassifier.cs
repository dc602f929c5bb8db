using System.Globalization;
using Dispatch.Contracts;
using Dispatch.Server.Routing.Model;

namespace Dispatch.Server.Routing;

/// <summary>
/// Classifies what a caller, grid member or sensor said: the alert's own category code when the catalogue knows
/// it; otherwise the trained model (<see cref="ClassifierModel"/>), or — visibly, when the model could not be
/// loaded — the catalogue's keywords (<see cref="Classifier"/>). Then safety before statistics: a text with a
/// sign of danger to life (<see cref="DangerSigns"/>) that did not come out as police work goes to triage marked
/// urgent. One instance per server; the same decision for the consumers, the API and the CLI.
/// </summary>
public sealed class CategoryClassifier(ClassifierModel? model, string? modelProblem, ClassifierSettings settings)
{
    private const int MaxCandidates = 3;

    public ClassifierModel? Model => model;

    /// <summary>Why the model is not in use (missing or unreadable file); null when it is.</summary>
    public string? ModelProblem => modelProblem;

    /// <summary>The confidence below which an answer goes to triage: the model's own, or the keyword threshold.</summary>
    public double Threshold => model is null ? settings.Threshold : settings.ModelThreshold ?? model.Info.Threshold;

    public ClassificationResult Classify(string? categoryCode, string? description, CatalogueSnapshot catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var code = categoryCode?.Trim();
        var codeDecides = !string.IsNullOrEmpty(code) && catalogue.Find(code) is not null && !string.Equals(code, Classifier.OtherCode, StringComparison.OrdinalIgnoreCase);
        if (model is null || codeDecides)
        {
            var byKeywords = Classifier.Classify(categoryCode, description, catalogue, settings.Threshold);
            if (!codeDecides)
            {
                byKeywords = byKeywords with { Reasons = [$"分类模型不可用，按关键词分类 / the model is unavailable ({modelProblem}): keyword scoring", .. byKeywords.Reasons] };
            }

            return Safe(byKeywords, description);
        }

        var reasons = new List<string>();
        if (string.IsNullOrEmpty(code))
        {
            reasons.Add("警情未带类别，按描述分类 / no category code: classified from the description");
        }
        else if (string.Equals(code, Classifier.OtherCode, StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("类别为「other」，按描述分类 / category 'other': classified from the description");
        }
        else
        {
            reasons.Add($"类别代码「{code}」不在目录中，按描述分类 / unknown category code '{code}': classified from the description");
        }

        var (result, dangerMass) = ByModel(model, description, catalogue, Threshold, reasons);
        var byNewCategory = NewCategories(result, description, catalogue);
        if (!ReferenceEquals(byNewCategory, result))
        {
            // The model's danger probability was spread over the categories it knows, not the one that answered.
            return Safe(byNewCategory, description);
        }

        var dangerLimit = !result.NeedsTriage ? model.Info.DangerThreshold
            : ModelCanJudge(description) ? model.Info.TriageDangerThreshold
            : model.Info.NonChineseTriageDangerThreshold;
        return Safe(result, description, dangerMass, dangerLimit);
    }

    /// <summary>
    /// Categories an admin added after the model was trained are unknown to it; they are found by their keywords,
    /// and a confident keyword answer for one of them wins until the model is retrained with examples of it.
    /// </summary>
    private ClassificationResult NewCategories(ClassificationResult result, string? description, CatalogueSnapshot catalogue)
    {
        var learnt = model!.Learnt;
        var unlearnt = catalogue.All.Where(c => !learnt.Contains(c.Code)).ToList();
        if (unlearnt.Count == 0)
        {
            return result;
        }

        var byKeywords = Classifier.Classify(null, description, new CatalogueSnapshot(unlearnt), settings.Threshold);
        return byKeywords is { NeedsTriage: false, Category: { } category }
            ? byKeywords with { Reasons = [.. result.Reasons, $"「{category.NameZh}」是模型训练后新增的类别，按其关键词判断 / {category.Code} was added after the model was trained: found by its keywords", .. byKeywords.Reasons.Skip(1)] }
            : result;
    }

    private static (ClassificationResult Result, double DangerMass) ByModel(ClassifierModel model, string? description, CatalogueSnapshot catalogue, double threshold, List<string> reasons)
    {
        var text = description?.Trim() ?? "";
        if (!text.Any(char.IsLetterOrDigit))
        {
            reasons.Add(text.Length == 0
                ? "描述为空，需人工研判 / no description: needs triage"
                : "描述中没有文字，需人工研判 / the description has no words: needs triage");
            return (new ClassificationResult(null, IncidentKind.Unknown, 0, true, [], reasons), 0);
        }

        var prediction = model.Predict(text);
        var dangerMass = ModelTrainer.DangerMass(prediction.Ranked, model.Info.DangerWeights);
        var known = prediction.Ranked.Where(s => catalogue.Find(s.Code) is not null).ToList();
        var candidates = known.Take(MaxCandidates)
            .Select(s => catalogue.Find(s.Code)!)
            .Zip(known, (c, s) => new Candidate(c.Code, c.NameZh, c.Kind, Math.Round(s.Probability, 3)))
            .ToList();
        if (known.Count == 0)
        {
            reasons.Add("模型给出的类别都不在目录中，需人工研判 / none of the model's categories is in the catalogue: needs triage");
            return (new ClassificationResult(null, IncidentKind.Unknown, 0, true, candidates, reasons), dangerMass);
        }

        var best = catalogue.Find(known[0].Code)!;
        var confidence = Math.Round(known[0].Probability, 3);
        var words = prediction.Evidence.Count == 0 ? "—" : string.Join("、", prediction.Evidence.Select(w => $"「{w}」"));
        var wordsEn = prediction.Evidence.Count == 0 ? "none" : string.Join(", ", prediction.Evidence);
        reasons.Add(string.Create(CultureInfo.InvariantCulture,
            $"模型 {model.Info.Version}：{best.NameZh} 概率 {confidence:0.00}；权重最大的词 {words} / model: {best.Code} p={confidence:0.00}; words that weighed most: {wordsEn}"));
        if (known.Count > 1)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"次选 {string.Join("，", candidates.Skip(1).Select(c => $"{c.NameZh} {c.Score:0.00}"))} / runners-up {string.Join(", ", candidates.Skip(1).Select(c => $"{c.Code} {c.Score:0.00}"))}"));
        }

        if (!ModelCanJudge(text))
        {
            if (model.Info.NonChineseThreshold is not { } limit || confidence < limit)
            {
                reasons.Add("描述中没有中文，模型无法可靠判断，需人工研判 / the description has no Chinese: the model cannot judge it, needs triage");
                return (new ClassificationResult(null, IncidentKind.Unknown, confidence, true, candidates, reasons), dangerMass);
            }

            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"描述中没有中文，置信度 {confidence:0.00} ≥ 无中文描述的阈值 {limit:0.00} → {best.NameZh} / no Chinese, but confidence reaches the limit for such texts → {best.Code} ({best.Kind})"));
            return (new ClassificationResult(best, best.Kind, confidence, false, candidates, reasons), dangerMass);
        }

        if (confidence < threshold)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"置信度 {confidence:0.00} 低于阈值 {threshold:0.00}，需人工研判 / confidence below the threshold: needs triage"));
            return (new ClassificationResult(null, IncidentKind.Unknown, confidence, true, candidates, reasons), dangerMass);
        }

        reasons.Add(string.Create(CultureInfo.InvariantCulture,
            $"置信度 {confidence:0.00} ≥ 阈值 {threshold:0.00} → {best.NameZh} / classified as {best.Code} ({best.Kind})"));
        return (new ClassificationResult(best, best.Kind, confidence, false, candidates, reasons), dangerMass);
    }

    /// <summary>
    /// Safety before statistics: with a sign of danger to life in the words, or a model whose probability of danger
    /// to life (<see cref="ModelTrainer.DangerMass"/>) reaches <paramref name="dangerThreshold"/>, anything but police work
    /// (a non-police or dispute category, or plain triage) becomes urgent triage. Police work stays as it is: it is
    /// already dispatched first.
    /// </summary>
    internal static ClassificationResult Safe(ClassificationResult result, string? description, double dangerMass = 0, double? dangerThreshold = null)
    {
        if (result is { NeedsTriage: false, Kind: IncidentKind.Police })
        {
            return result;
        }

        var signs = DangerSigns.Find(description);
        // The caller passes the limit for the kind of answer: a text the model could not place spreads its
        // probability thin over every category, life-threatening ones included, so triage has a higher one.
        var modelSaysDanger = dangerThreshold is { } limit && dangerMass >= limit;
        if (signs.Count == 0 && !modelSaysDanger)
        {
            return result;
        }

        var zh = string.Join("、", signs.Select(s => $"{s.Zh}「{s.Words}」"));
        var en = string.Join(", ", signs.Select(s => $"{s.En} ({s.Words})"));
        if (modelSaysDanger)
        {
            var mass = dangerMass.ToString("0.00", CultureInfo.InvariantCulture);
            zh = string.Join("、", new[] { zh, $"模型判断危及生命的概率 {mass}" }.Where(x => x.Length > 0));
            en = string.Join(", ", new[] { en, $"the model puts danger to life at {mass}" }.Where(x => x.Length > 0));
        }

        var was = result.NeedsTriage ? "待研判" : $"{result.Category!.NameZh}（{result.Kind}）";
        return result with
        {
            Category = null,
            Kind = IncidentKind.Unknown,
            NeedsTriage = true,
            Urgent = true,
            Reasons = [.. result.Reasons, $"危及生命迹象：{zh}；原判 {was}，转紧急研判（一级，计时不停）/ danger to life: {en}: urgent triage, priority 1, clocks running"],
        };
    }

    /// <summary>
    /// Whether the model judges the text by its usual limits: it learned mostly Chinese, so a text with no Chinese
    /// (English, pinyin, a sensor string) stands only at the model's own limit for such texts, and otherwise goes to
    /// triage held to the danger limit for such texts (none in a model trained before it: then only a danger sign
    /// puts it first). Training cross-validates by the same test.
    /// </summary>
    public static bool ModelCanJudge(string? text) => text is not null && text.Any(IsHan);

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
