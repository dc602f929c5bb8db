using Dispatch.Contracts;
using Dispatch.Server.Routing;
using Dispatch.Server.Routing.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dispatch.Tests.Routing.Model;

/// <summary>
/// The shipped model measured on the frozen evaluation set (the gate CI holds it to), and the classifier's
/// behaviour around it: explanations, odd input, determinism, the safety rule, the keyword fallback.
/// </summary>
public sealed class ClassifierModelTests
{
    // Floors set from the figures measured on each frozen set (docs/CLASSIFIER.md), a little below them so that
    // retraining on a grown corpus does not fail on noise, and never below the issue's own floor of 0.85 kind accuracy.
    // Danger to life should be every text: the floor is what is measured today, so that it can only rise. Model
    // 20261207-572c047887 (candidate O: M's 16,045 texts and weighted danger probability, its threshold where held-out
    // answers stop being right more often than not, 0.25) with the danger signs of pass 6: eval kind 0.958, category
    // 0.943, triage 0.032, danger 169/169; eval2 0.940, 0.931, 0.042, 125/125; eval3 (mostly danger and its near
    // neighbours) 0.950, 0.883, 0.038, 240/240; eval5 (a normal day) 0.930, 0.893, 0.043, 71/71; eval6 (an ordinary
    // week) 0.936, 0.920, 0.040, 73/73; eval7 (a fortnight, long texts) 0.958, 0.938, 0.029, 75/75; eval8 (a day and
    // night with real lengths) 0.935, 0.911, 0.047, 69/69; eval9 (a rainy week in an old district) 0.949, 0.931, 0.031,
    // 75/75; eval10 (the Spring Festival rush in a county town) 0.942, 0.910, 0.040, 78/78; eval11 (a hot fortnight in a
    // coastal tourist city) 0.937, 0.893, 0.045, 75/75; eval12 (a mountain county in the rainy season) 0.928, 0.891,
    // 0.051, 75/75; eval13 (an industrial zone in deep winter) 0.918, 0.889, 0.058, 75/75; eval14 (a border trading
    // town in a festival week) 0.943, 0.905, 0.046, 75/75; eval15 (a coastal county in typhoon season) 0.951, 0.938,
    // 0.040, 75/75; eval16 (a hill city at harvest and National Day) 0.931, 0.926, 0.055, 75/75; eval17 (an old
    // industrial city's riverside district in spring, written while N's batches were; it judged N and O) 0.943, 0.923,
    // 0.030, 73/73. Kind pooled over the blind sets is 0.939, over the 0.92; each set is gated a little under
    // what it measures.
    private static readonly object[] Floors =
    [
        new object[] { "eval", 0.945, 0.93, 0.045, 169 },
        new object[] { "eval2", 0.925, 0.915, 0.055, 125 },
        new object[] { "eval3", 0.935, 0.87, 0.05, 240 },
        new object[] { "eval5", 0.915, 0.88, 0.055, 71 },
        new object[] { "eval6", 0.92, 0.905, 0.055, 73 },
        new object[] { "eval7", 0.945, 0.925, 0.04, 75 },
        new object[] { "eval8", 0.92, 0.895, 0.06, 69 },
        new object[] { "eval9", 0.935, 0.915, 0.045, 75 },
        new object[] { "eval10", 0.925, 0.895, 0.055, 78 },
        new object[] { "eval11", 0.92, 0.875, 0.06, 75 },
        new object[] { "eval12", 0.91, 0.875, 0.065, 75 },
        new object[] { "eval13", 0.905, 0.875, 0.07, 75 },
        new object[] { "eval14", 0.93, 0.89, 0.06, 75 },
        new object[] { "eval15", 0.935, 0.925, 0.055, 75 },
        new object[] { "eval16", 0.915, 0.91, 0.07, 75 },
        new object[] { "eval17", 0.93, 0.91, 0.045, 73 },
    ];

    private static readonly CatalogueSnapshot Catalogue = CatalogueSnapshot.LoadEmbedded();
    private static CategoryClassifier shipped = null!;

    [OneTimeSetUp]
    public static void LoadShippedModel()
    {
        shipped = RoutingSetup.LoadClassifier(new ClassifierSettings(ClassifierSettings.DefaultThreshold), NullLogger.Instance);
        Assert.That(shipped.Model, Is.Not.Null, $"the model shipped beside the server must load: {shipped.ModelProblem}");
    }

    [TestCaseSource(nameof(Floors))]
    public void ShippedModel_OnTheFrozenEvaluationSets_HoldsItsFloors(string name, double kindFloor, double categoryFloor, double triageCeiling, int dangerSafeFloor)
    {
        var set = CorpusTests.Evaluation(name);

        var report = ModelEvaluation.Evaluate(name, set, t => shipped.Classify(null, t.Text, Catalogue), Catalogue, DateTimeOffset.UnixEpoch);

        var f = report.Figures;
        TestContext.Out.WriteLine($"kind {f.KindAccuracy:0.000} category {f.CategoryAccuracy:0.000} triage {f.TriageRate:0.000} danger {f.DangerSafe}/{f.DangerTexts}");
        foreach (var miss in report.DangerMisses)
        {
            TestContext.Out.WriteLine($"DANGER MISSED {miss.Text.Origin}: {miss.Text.Text} → {miss.Result.Category?.Code}");
        }

        Assert.That(f.KindAccuracy, Is.GreaterThanOrEqualTo(kindFloor));
        Assert.That(f.CategoryAccuracy, Is.GreaterThanOrEqualTo(categoryFloor));
        Assert.That(f.TriageRate, Is.LessThanOrEqualTo(triageCeiling));
        Assert.That(f.DangerSafe, Is.GreaterThanOrEqualTo(dangerSafeFloor), "danger-to-life texts that end as police work or urgent triage");
    }

    /// <summary>
    /// The danger rule on the fourth set (220 danger texts, many told only by their circumstances, English and
    /// pinyin among them; 100 calm near neighbours), blind to every change so far: its misses have not been read.
    /// Measured 2026-12-06 with model f3ed854da2: 213/220 safe, 10/100 false alarms (that morning: 202/220, 5/100);
    /// 216/220, 10/100 with the third pass of danger signs; model dcce1fa28d: 216/220, 8/100; model 28b206f4d0: 217/220, 8/100; model 5d98f66fd9: 217/220, 8/100; with the danger signs of pass 6: 218/220, 8/100; model 3ac05be680: 219/220, 8/100; model c26929310d: 219/220, 9/100; model 66b59bff8c: 219/220, 10/100; model 572c047887: 219/220, 9/100.
    /// Its kind and category figures (0.878, 0.784 at first; 0.938, 0.863 with model 572c047887) are not gated: two
    /// thirds of it is danger to life, much of it meant to be hard.
    /// </summary>
    [Test]
    public void ShippedModel_OnTheBlindSafetySet_KeepsDangerFirstWithFewFalseAlarms()
    {
        var report = ModelEvaluation.Evaluate("eval4", CorpusTests.Evaluation("eval4"), t => shipped.Classify(null, t.Text, Catalogue), Catalogue, DateTimeOffset.UnixEpoch);

        TestContext.Out.WriteLine($"danger {report.Figures.DangerSafe}/{report.Figures.DangerTexts}, false alarms {report.FalseAlarms}/{report.CalmTexts}");
        Assert.That(report.Figures.DangerSafe, Is.GreaterThanOrEqualTo(219), "danger-to-life texts that end as police work or urgent triage");
        Assert.That(report.FalseAlarms, Is.LessThanOrEqualTo(10), "calm texts sent to urgent triage");
    }

    [Test]
    public void ShippedModel_WasTrainedOnTheCorpusAsItIsNow()
    {
        Assert.That(shipped.Model!.Info.CorpusSize, Is.EqualTo(CorpusTests.Training().Count),
            "the corpus changed since the model was trained: run 'dispatch classify train' and commit the model");
        Assert.That(shipped.Model.Info.Categories, Is.EqualTo(Catalogue.All.Count));
    }

    [TestCase("菜市场有人在偷钱包", IncidentKind.Police)]
    [TestCase("楼上天天半夜蹦迪，吵得孩子没法睡", IncidentKind.NonPolice)]
    [TestCase("房东不退押金还把我东西扔出来了", IncidentKind.Dispute)]
    public void Classify_SaysInBothLanguagesWhichWordsWeighedMost(string text, IncidentKind kind)
    {
        var result = shipped.Classify(null, text, Catalogue);

        Assert.That(result.Kind, Is.EqualTo(kind), string.Join(Environment.NewLine, result.Reasons));
        var reason = result.Reasons.Single(r => r.Contains("权重最大的词", StringComparison.Ordinal));
        Assert.That(reason, Does.Contain("words that weighed most"));
        var words = reason[(reason.IndexOf("words that weighed most: ", StringComparison.Ordinal) + 25)..].Split(", ");
        Assert.That(words, Is.Not.Empty);
        Assert.That(words, Has.All.Matches<string>(w => text.Contains(w, StringComparison.Ordinal)), "the words come from the text itself");
        Assert.That(result.Candidates, Has.Count.InRange(1, 3));
        Assert.That(result.Candidates[0].Code, Is.EqualTo(result.Category!.Code));
    }

    [TestCase("")]
    [TestCase("   \t ")]
    [TestCase("😀😡🔥🔥")]
    [TestCase("\u0000\u001b[31m\u202e")]
    public void Classify_WhenTheTextHasNoWords_GoesToTriageSayingWhy(string text)
    {
        var result = shipped.Classify(null, text, Catalogue);

        Assert.That(result.NeedsTriage, Is.True);
        Assert.That(result.Category, Is.Null);
        Assert.That(result.Reasons, Has.Some.Contains("needs triage"));
    }

    [Test]
    public void Classify_AnEnglishCallTheModelIsSureOf_IsAnsweredAsPoliceWork_SayingItHadNoChinese()
    {
        var result = shipped.Classify(null, "Help me please, a man with a knife is chasing me", Catalogue);

        Assert.That(result.NeedsTriage, Is.False, string.Join(" | ", result.Reasons));
        Assert.That(result.Kind, Is.EqualTo(IncidentKind.Police));
        Assert.That(result.Reasons, Has.Some.Contains("no Chinese, but confidence reaches the limit for such texts"));
    }

    [Test]
    public void Classify_WhenTheTextIsHuge_AnswersFromItsBeginning()
    {
        var text = "有人在小区里偷电动车，" + new string('啊', 10_000);

        var result = shipped.Classify(null, text, Catalogue);

        Assert.That(result.Reasons, Is.Not.Empty);
        Assert.That(result.Category?.Code ?? "triage", Is.Not.Null);
    }

    [Test]
    public void Classify_WhenTheAlertCarriesAKnownCode_TheCodeWins()
    {
        var result = shipped.Classify("noise", "有人偷东西", Catalogue);

        Assert.That(result.Category?.Code, Is.EqualTo("noise"));
        Assert.That(result.Confidence, Is.EqualTo(1.0));
    }

    [Test]
    public void Train_TwiceWithTheSameSeed_GivesTheSameModel()
    {
        var corpus = CorpusTests.Training().Where((_, i) => i % 4 == 0).ToList();
        var probes = CorpusTests.Evaluation().Take(25).Select(t => t.Text).ToList();

        var first = ModelTrainer.Train(corpus, 7, 0.3, null, DateTimeOffset.UnixEpoch, null).Model;
        var second = ModelTrainer.Train(corpus, 7, 0.3, null, DateTimeOffset.UnixEpoch, null).Model;

        foreach (var text in probes)
        {
            Assert.That(second.Predict(text).Ranked, Is.EqualTo(first.Predict(text).Ranked), text);
        }
    }

    [Test]
    public void Load_WhenTheModelFileIsMissingOrCorrupt_FallsBackToKeywordsSayingWhy()
    {
        var folder = Directory.CreateTempSubdirectory("dispatch-model-");
        try
        {
            var missing = RoutingSetup.LoadClassifier(new ClassifierSettings(0.55, null, folder.FullName), NullLogger.Instance);
            File.WriteAllText(Path.Combine(folder.FullName, ClassifierModel.ModelFileName), "not a zip");
            File.Copy(Path.Combine(ClassifierSettings.DefaultModelPath, ClassifierModel.InfoFileName), Path.Combine(folder.FullName, ClassifierModel.InfoFileName));
            var corrupt = RoutingSetup.LoadClassifier(new ClassifierSettings(0.55, null, folder.FullName), NullLogger.Instance);

            Assert.That(missing.Model, Is.Null);
            Assert.That(missing.ModelProblem, Does.Contain("dispatch classify train"));
            Assert.That(corrupt.Model, Is.Null);
            Assert.That(corrupt.ModelProblem, Does.Contain("not a readable model"));
            var result = corrupt.Classify(null, "饭店油烟太大熏得人受不了", Catalogue);
            Assert.That(result.Reasons[0], Does.Contain("keyword scoring"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
