using Dispatch.Server.Routing;
using Dispatch.Server.Routing.Model;

namespace Dispatch.Tests.Routing.Model;

/// <summary>
/// Cross-validation chooses the threshold and the danger limits from held-out texts judged as the server judges them:
/// a text with no Chinese stands only at its own limit and is otherwise triage held to a danger limit chosen among such
/// texts alone, so it cannot move the limits Chinese texts meet.
/// </summary>
public sealed class CrossValidationChoiceTests
{
    private static readonly CatalogueSnapshot Catalogue = CatalogueSnapshot.LoadEmbedded();

    /// <summary>
    /// A thousand Chinese texts the model answers surely and rightly and forty it gets wrong at low probabilities (half
    /// calm, half danger; under the threshold, so in triage), with danger probabilities spread so that the limits have
    /// something to choose between.
    /// </summary>
    private static List<ModelTrainer.HeldOut> ChineseTexts()
    {
        var held = new List<ModelTrainer.HeldOut>();
        for (var i = 0; i < 1000; i++)
        {
            held.Add(Held("noise", $"楼下第{i}家店音响太吵", "noise", 0.60 + i * 0.0003, 0.01 * (i % 10)));
        }

        for (var i = 0; i < 20; i++)
        {
            held.Add(Held("consultation", $"想问一下第{i}个办事流程", "utility-failure", 0.10 + i * 0.005, 0.02 * i));
            held.Add(Held("medical-emergency", $"第{i}床的老人脸色不对", "consultation", 0.10 + i * 0.005, 0.20 + 0.02 * i));
        }

        return held;
    }

    private static ModelTrainer.HeldOut Held(string category, string text, string best, double probability, double dangerMass) =>
        new(new LabelledText(category, text, null, "110", "test"), new ModelScore(best, probability), dangerMass, false);

    [Test]
    public void FewTextsWithoutChinese_AreTriage_EvenWhenTheModelIsSure()
    {
        var held = ChineseTexts();
        var english = Enumerable.Range(0, 10).Select(i => Held("noise", $"the bar downstairs is loud again, night {i}", "noise", 0.99, 0.0)).ToList();

        var withEnglish = ModelTrainer.Choose([.. held, .. english], Catalogue, DateTimeOffset.UnixEpoch);
        var without = ModelTrainer.Choose(held, Catalogue, DateTimeOffset.UnixEpoch);

        Assert.That(withEnglish.Threshold, Is.EqualTo(without.Threshold));
        Assert.That(withEnglish.NonChineseThreshold, Is.Null, $"fewer than {ModelTrainer.MinNonChineseAnswers} held out: too few to trust");
        var triageWithout = without.Figures.TriageRate * held.Count;
        // The rates are kept to four places: within half a text.
        Assert.That(withEnglish.Figures.TriageRate * (held.Count + english.Count), Is.EqualTo(triageWithout + english.Count).Within(0.5),
            "every text without Chinese counts as triage, as the server sends it there");
    }

    [Test]
    public void TextsWithoutChinese_DoNotMoveTheDangerLimits()
    {
        var held = ChineseTexts();
        // Calm English and pinyin texts the model cannot place, with the high danger probability it gives them.
        var latin = Enumerable.Range(0, 30).Select(i => Held("consultation", $"ni hao, qing wen ban shi liu cheng {i}", "medical-emergency", 0.15, 0.80)).ToList();

        var withLatin = ModelTrainer.Choose([.. held, .. latin], Catalogue, DateTimeOffset.UnixEpoch);
        var without = ModelTrainer.Choose(held, Catalogue, DateTimeOffset.UnixEpoch);

        Assert.That(withLatin.TriageDangerThreshold, Is.EqualTo(without.TriageDangerThreshold));
        Assert.That(withLatin.DangerThreshold, Is.EqualTo(without.DangerThreshold));
    }

    [Test]
    public void ManyTextsWithoutChinese_StandAtTheLowestLimitWhereTheyAreRightInKindAsOftenAsChineseAnswers()
    {
        var held = ChineseTexts();
        // Thirty the model is sure of and right about, five it half knows and gets the wrong kind.
        var right = Enumerable.Range(0, 30).Select(i => Held("noise", $"bar downstairs too loud night {i}", "noise", 0.50, 0.0)).ToList();
        var wrong = Enumerable.Range(0, 5).Select(i => Held("noise", $"louxia tai chao le {i}", "theft", 0.30, 0.0)).ToList();

        var chosen = ModelTrainer.Choose([.. held, .. right, .. wrong], Catalogue, DateTimeOffset.UnixEpoch);
        var without = ModelTrainer.Choose(held, Catalogue, DateTimeOffset.UnixEpoch);

        // Every answered Chinese text at the margin is right in kind, so the limit must leave out every wrong one.
        Assert.That(chosen.NonChineseThreshold, Is.EqualTo(0.35).Within(1e-9));
        Assert.That(chosen.Threshold, Is.EqualTo(without.Threshold));
        var triageWithout = without.Figures.TriageRate * held.Count;
        Assert.That(chosen.Figures.TriageRate * (held.Count + 35), Is.EqualTo(triageWithout + 5).Within(0.5), "the thirty answered, the five in triage");
    }

    [TestCase(false, null)]
    [TestCase(true, 0.20)]
    public void ADangerTextWithoutChineseThatNothingWouldCatch_KeepsThemAllInTriage(bool signInIt, double? expected)
    {
        // Answered Chinese texts at the margin are right in kind 97 % of the time here, so one wrong answer in sixty-one
        // passes the kind test: only safety can keep it out.
        var held = ChineseTexts();
        held.AddRange(Enumerable.Range(0, 10).Select(i => Held("consultation", $"问一下第{i}个证明怎么开", "theft", 0.65, 0.0)));
        var right = Enumerable.Range(0, 60).Select(i => Held("noise", $"bar downstairs too loud night {i}", "noise", 0.50, 0.0)).ToList();
        // Someone collapsed, answered as a noise complaint with no danger probability: with no danger sign either,
        // nothing would turn it into urgent triage at any limit it reaches.
        var collapsed = new ModelTrainer.HeldOut(
            new LabelledText("medical-emergency", "my dad on the floor not answering", true, "110", "test"), new ModelScore("noise", 0.95), 0.0, signInIt);

        var chosen = ModelTrainer.Choose([.. held, .. right, collapsed], Catalogue, DateTimeOffset.UnixEpoch);

        Assert.That(chosen.NonChineseThreshold, expected is null ? Is.Null : Is.EqualTo(expected.Value).Within(1e-9));
    }

    [Test]
    public void TextsWithoutChineseInTriage_GetADangerLimitOfTheirOwn_ThatRingsForEachOfTheirDangerTexts()
    {
        var held = ChineseTexts();
        // Thirty calm ones the model gives up to 0.58 danger probability, ten danger ones from 0.455 up.
        var calm = Enumerable.Range(0, 30).Select(i => Held("consultation", $"qing wen zen me ban zheng {i}", "consultation", 0.15, 0.02 * i)).ToList();
        var danger = Enumerable.Range(0, 10).Select(i => new ModelTrainer.HeldOut(
            new LabelledText("medical-emergency", $"old man on the floor not waking {i}", true, "110", "test"), new ModelScore("consultation", 0.15), 0.455 + 0.01 * i, false)).ToList();

        var chosen = ModelTrainer.Choose([.. held, .. calm, .. danger], Catalogue, DateTimeOffset.UnixEpoch);
        var without = ModelTrainer.Choose(held, Catalogue, DateTimeOffset.UnixEpoch);

        Assert.That(chosen.NonChineseThreshold, Is.Null, "none is answered");
        Assert.That(chosen.NonChineseTriageDangerThreshold, Is.EqualTo(0.45).Within(1e-9), "the lowest danger text's probability, to two places");
        Assert.That(chosen.TriageDangerThreshold, Is.EqualTo(without.TriageDangerThreshold), "the Chinese limit is chosen among Chinese texts alone");
        Assert.That(chosen.NonChineseTriageDangerThreshold, Is.Not.EqualTo(chosen.TriageDangerThreshold));
    }

    [Test]
    public void TextsWithoutChineseInTriage_NeverRingForMostOfTheirCalmOnes()
    {
        var held = ChineseTexts();
        var calm = Enumerable.Range(0, 30).Select(i => Held("consultation", $"qing wen zen me ban zheng {i}", "consultation", 0.15, 0.02 * i)).ToList();
        // A danger text the model gives almost nothing: ringing for it would ring for every calm one.
        var faint = new ModelTrainer.HeldOut(new LabelledText("water-rescue", "someone in the river", true, "110", "test"), new ModelScore("consultation", 0.15), 0.01, false);

        var chosen = ModelTrainer.Choose([.. held, .. calm, faint], Catalogue, DateTimeOffset.UnixEpoch);

        // The 40 % cap: the 60th percentile of the calm ones (0.36); the faint text is left to the danger signs.
        Assert.That(chosen.NonChineseTriageDangerThreshold, Is.EqualTo(0.36).Within(1e-9));
    }
}
