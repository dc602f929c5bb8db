namespace Dispatch.Server.Routing.Model;

/// <summary>
/// What <c>GET /api/catalogue/model</c> shows and <c>classifier.json</c> holds beside the model file: which model
/// this is, what it learnt from, and how it measured.
/// </summary>
/// <param name="Version">The training date and the first hex digits of the model file's SHA-256.</param>
/// <param name="TrainedAt">When <c>dispatch classify train</c> wrote it.</param>
/// <param name="CorpusSize">Labelled texts it learnt from.</param>
/// <param name="Categories">Categories it can answer.</param>
/// <param name="Threshold">Probability below which its answer goes to triage, chosen by cross-validation on the corpus alone.</param>
/// <param name="DangerThreshold">
/// The model's probability of danger to life (see <paramref name="DangerWeights"/>) above which an answer that is not
/// police work goes to urgent triage; chosen by cross-validation so that at most a few percent of other texts are
/// flagged. Null: off.
/// </param>
/// <param name="TriageDangerThreshold">
/// The same for an answer the model could not place (triage), whose probability is spread thin over every
/// category: chosen the same way among the texts cross-validation sent to triage.
/// </param>
/// <param name="Seed">The random seed: the same corpus and seed give the same model.</param>
/// <param name="Features">How texts become features.</param>
/// <param name="Trainer">The learning algorithm.</param>
/// <param name="CrossValidation">Figures from cross-validation on the corpus (what the threshold was chosen on).</param>
/// <param name="Evaluation">Figures on the frozen evaluation set, recorded by <c>dispatch classify evaluate --record</c>.</param>
/// <param name="NonChineseThreshold">
/// Probability at or above which the model's answer stands for a text with no Chinese (English, pinyin): chosen by
/// cross-validation where held-out texts without Chinese are right in kind as often as answered Chinese texts at the
/// margin. Null (a model trained before it, or too few such texts): those texts always go to triage.
/// </param>
/// <param name="NonChineseTriageDangerThreshold">
/// The danger limit for a text with no Chinese that goes to triage, chosen like <paramref name="TriageDangerThreshold"/>
/// but among such held-out texts alone: their danger probabilities run higher than Chinese texts' (the corpus's English
/// and pinyin lean to danger), so one shared limit would rise for them and let Chinese danger texts fall under it.
/// Null (a model trained before it): such texts ring only by a danger sign.
/// </param>
/// <param name="DangerWeights">
/// How much of each category's probability counts toward the danger probability the limits above are compared with:
/// the share of that category's labelled training texts that are danger to life (see
/// <see cref="ModelTrainer.DangerWeights"/>). Null (a model trained before them): the life-threatening categories
/// count whole, the rest nothing.
/// </param>
public sealed record ModelInfo(
    string Version,
    DateTimeOffset TrainedAt,
    int CorpusSize,
    int Categories,
    double Threshold,
    double? DangerThreshold,
    double? TriageDangerThreshold,
    int Seed,
    string Features,
    string Trainer,
    ModelFigures? CrossValidation,
    ModelFigures? Evaluation,
    double? NonChineseThreshold = null,
    double? NonChineseTriageDangerThreshold = null,
    IReadOnlyDictionary<string, double>? DangerWeights = null);

/// <summary>How a classifier did on a set of labelled texts.</summary>
/// <param name="Set">Which texts (a file name, or "5-fold cross-validation").</param>
/// <param name="Texts">How many.</param>
/// <param name="KindAccuracy">Share whose kind (Police / NonPolice / Dispute) was right; a triage answer counts as wrong.</param>
/// <param name="CategoryAccuracy">Share whose category was right; a triage answer counts as wrong.</param>
/// <param name="TriageRate">Share sent to triage.</param>
/// <param name="DangerTexts">Texts marked as danger to life.</param>
/// <param name="DangerSafe">Of those, how many ended as Police work or urgent triage.</param>
/// <param name="MeasuredAt">When.</param>
public sealed record ModelFigures(
    string Set,
    int Texts,
    double KindAccuracy,
    double CategoryAccuracy,
    double TriageRate,
    int DangerTexts,
    int DangerSafe,
    DateTimeOffset MeasuredAt);
