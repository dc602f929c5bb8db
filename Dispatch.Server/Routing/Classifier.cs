using System.Globalization;
using System.Text;
using Dispatch.Contracts;

namespace Dispatch.Server.Routing;

/// <summary>A category the text pointed to, with its keyword score.</summary>
public sealed record Candidate(string Code, string NameZh, IncidentKind Kind, double Score);

/// <summary>What the classifier decided, and why.</summary>
/// <param name="Category">The category, or null when an operator must decide.</param>
/// <param name="Kind">The category's kind; Unknown when triage is needed.</param>
/// <param name="Confidence">0..1; 1 when the alert's own code was used. See <see cref="Classifier"/>.</param>
/// <param name="NeedsTriage">True when confidence is below the threshold or nothing matched: never a silent guess.</param>
/// <param name="Candidates">The best-scoring categories, best first (at most three).</param>
/// <param name="Reasons">Readable reasons, Chinese then English.</param>
/// <param name="Urgent">Triage with a sign of danger to life: priority 1, first in the queue, with an alarm.</param>
public sealed record ClassificationResult(
    Category? Category,
    IncidentKind Kind,
    double Confidence,
    bool NeedsTriage,
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<string> Reasons,
    bool Urgent = false)
{
    /// <summary>The incident's priority: 1 for urgent triage, else its category's; null while unknown.</summary>
    public int? Priority => Urgent ? 1 : Category?.Priority;
}

/// <summary>
/// Classifies an alert: its category code when the catalogue knows it, otherwise its Chinese description by the
/// catalogue's weighted keywords. Pure: the catalogue and the threshold are passed in.
/// <para>
/// Text scoring: every keyword found in the description adds its weight to its category, once per keyword.
/// A keyword found inside a longer keyword that also matched is not counted (「没发工资」 wins over 「工资」).
/// A keyword preceded within <see cref="NegationGap"/> characters of the same clause by a negator
/// (没有, 不是, 并非, 未, 无 …) is ignored and said so.
/// </para>
/// <para>
/// Confidence = strength × share, where strength = min(1, best / <see cref="FullScore"/>) says whether the
/// evidence is enough on its own (one keyword of weight 4 is), and share = best / (best + runner-up) says
/// whether another category competes (1 when none does, 0.5 on a tie). Below the threshold the result is
/// NeedsTriage with the candidates.
/// </para>
/// </summary>
public static class Classifier
{
    /// <summary>The alert code that means "the call taker did not know": classify the text instead.</summary>
    public const string OtherCode = "other";

    /// <summary>A best score this high is full strength.</summary>
    public const double FullScore = 4.0;

    /// <summary>At most this many characters between a negator and the keyword it negates.</summary>
    public const int NegationGap = 2;

    private const int MaxCandidates = 3;

    // Longest first, so that 并没有 is reported rather than 没有.
    private static readonly string[] Negators = ["并没有", "没有", "并非", "不是", "并未", "没", "未", "无", "非"];

    // Phrases that begin with a negator but do not negate what follows.
    private static readonly string[] NotNegations = ["没想到", "没多久", "没一会", "没过多久", "无缘无故", "无故", "未经", "有没有", "没办法", "没完没了", "没日没夜", "无论", "非常", "无人机", "非法", "非机动", "未成年", "未知"];

    private static readonly string ClauseBreaks = "，。,.;；!！?？、:：\n";

    public static ClassificationResult Classify(string? categoryCode, string? description, CatalogueSnapshot catalogue, double threshold)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var reasons = new List<string>();
        var code = categoryCode?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            reasons.Add("警情未带类别，按描述分类 / no category code: classified from the description");
        }
        else if (string.Equals(code, OtherCode, StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("类别为「other」，按描述分类 / category 'other': classified from the description");
        }
        else if (catalogue.Find(code) is { } known)
        {
            return new ClassificationResult(known, known.Kind, 1.0, false,
                [new Candidate(known.Code, known.NameZh, known.Kind, 0)],
                [$"警情类别代码「{known.Code}」{known.NameZh} → {known.Kind} / category code given by the alert"]);
        }
        else
        {
            reasons.Add($"类别代码「{code}」不在目录中，按描述分类 / unknown category code '{code}': classified from the description");
        }

        return ClassifyText(description, catalogue, threshold, reasons);
    }

    /// <summary>Lower-cases Latin letters and removes white space, so that keywords match however the text was typed.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static ClassificationResult ClassifyText(string? description, CatalogueSnapshot catalogue, double threshold, List<string> reasons)
    {
        var text = Normalise(description);
        if (text.Length == 0)
        {
            reasons.Add("描述为空，需人工研判 / no description: needs triage");
            return Triage([], 0, reasons);
        }

        var hits = FindHits(text, catalogue);
        var scores = new Dictionary<Category, double>();
        var counted = new HashSet<(string Code, string Keyword)>();
        foreach (var hit in hits.OrderBy(h => h.Start))
        {
            if (hits.Any(other => other != hit && other.Start <= hit.Start && other.End >= hit.End && other.Length > hit.Length))
            {
                continue;
            }

            var keyword = hit.Keyword;
            if (NegatedAt(text, hit.Start) is { } negatorAt)
            {
                var phrase = text[negatorAt..hit.End];
                reasons.Add($"否定「{phrase}」，不计 / negated {keyword.Text} ignored");
                continue;
            }

            if (!counted.Add((keyword.Category.Code, keyword.Text)))
            {
                continue;
            }

            scores[keyword.Category] = scores.GetValueOrDefault(keyword.Category) + keyword.Weight;
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"命中关键词「{keyword.Text}」(+{keyword.Weight:0.#}) → {keyword.Category.NameZh} / matched {keyword.Text} for {keyword.Category.Code}"));
        }

        var ranked = scores
            .OrderByDescending(s => s.Value)
            .ThenBy(s => s.Key.Priority)
            .ThenBy(s => s.Key.Code, StringComparer.Ordinal)
            .ToList();
        var candidates = ranked.Take(MaxCandidates)
            .Select(s => new Candidate(s.Key.Code, s.Key.NameZh, s.Key.Kind, s.Value))
            .ToList();
        if (ranked.Count == 0)
        {
            reasons.Add("未命中任何关键词，需人工研判 / no keyword matched: needs triage");
            return Triage(candidates, 0, reasons);
        }

        var best = ranked[0].Value;
        var second = ranked.Count > 1 ? ranked[1].Value : 0;
        var strength = Math.Min(1.0, best / FullScore);
        var share = best / (best + second);
        var confidence = Math.Round(strength * share, 3);
        var category = ranked[0].Key;
        var runnerUp = ranked.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $"，次高 {ranked[1].Key.Code} {second:0.#}") : "";
        var sums = string.Create(CultureInfo.InvariantCulture,
            $"得分 {category.Code} {best:0.#}{runnerUp}；置信度 {confidence:0.00} = min(1, {best:0.#}/{FullScore:0}) × {best:0.#}/({best:0.#}+{second:0.#})");
        if (confidence < threshold)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"{sums}，低于阈值 {threshold:0.00}，需人工研判 / confidence below the threshold: needs triage"));
            return Triage(candidates, confidence, reasons);
        }

        reasons.Add(string.Create(CultureInfo.InvariantCulture,
            $"{sums} ≥ 阈值 {threshold:0.00} → {category.NameZh} / classified as {category.Code} ({category.Kind})"));
        return new ClassificationResult(category, category.Kind, confidence, false, candidates, reasons);
    }

    private static ClassificationResult Triage(IReadOnlyList<Candidate> candidates, double confidence, List<string> reasons) =>
        new(null, IncidentKind.Unknown, confidence, true, candidates, reasons);

    private static List<Hit> FindHits(string text, CatalogueSnapshot catalogue)
    {
        var hits = new List<Hit>();
        foreach (var keyword in catalogue.Keywords)
        {
            var at = text.IndexOf(keyword.Text, StringComparison.Ordinal);
            while (at >= 0)
            {
                hits.Add(new Hit(at, keyword));
                at = text.IndexOf(keyword.Text, at + 1, StringComparison.Ordinal);
            }
        }

        return hits;
    }

    /// <summary>True when a negator in the same clause governs the words starting at <paramref name="start"/> (没有人受伤).</summary>
    internal static bool IsNegated(string normalisedText, int start) => NegatedAt(normalisedText, start) is not null;

    /// <summary>Where the negator that governs a keyword starting at <paramref name="start"/> begins, if there is one.</summary>
    private static int? NegatedAt(string text, int start)
    {
        var from = start;
        var limit = Math.Max(0, start - NegationGap - Negators.Max(n => n.Length));
        while (from > limit && !ClauseBreaks.Contains(text[from - 1], StringComparison.Ordinal))
        {
            from--;
        }

        var before = text[from..start];
        foreach (var negator in Negators)
        {
            var at = before.LastIndexOf(negator, StringComparison.Ordinal);
            if (at < 0 || before.Length - (at + negator.Length) > NegationGap)
            {
                continue;
            }

            var absolute = from + at;
            if (NotNegations.Any(n => StartsAnywhereAround(text, absolute, n)))
            {
                continue;
            }

            return absolute;
        }

        return null;
    }

    // True when the phrase covers the negator at this position (the negator may sit inside it, as in 有没有).
    private static bool StartsAnywhereAround(string text, int negatorAt, string phrase)
    {
        for (var offset = 0; offset < phrase.Length; offset++)
        {
            var start = negatorAt - offset;
            if (start >= 0 && start + phrase.Length <= text.Length && string.CompareOrdinal(text, start, phrase, 0, phrase.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Hit(int Start, CatalogueKeyword Keyword)
    {
        public int Length => Keyword.Text.Length;

        public int End => Start + Length;
    }
}
