using Dispatch.Contracts;
using Dispatch.Server.Routing;

namespace Dispatch.Tests.Routing;

public sealed class ClassifierTests
{
    private const double Threshold = ClassifierSettings.DefaultThreshold;
    private static readonly CatalogueSnapshot Catalogue = CatalogueSnapshot.LoadEmbedded();

    [TestCase("没有人打架，就是楼上装修噪音太大", "noise")]
    [TestCase("不是被偷的，是我自己忘在出租车上了，司机拒载还绕路", "taxi-complaint")]
    [TestCase("现场并没有人受伤，两车追尾", "traffic-accident")]
    [TestCase("没想到刚停的电动车就被偷了", "theft")]
    public void Classify_WhenAKeywordIsNegated_IgnoresItAndSaysSo(string description, string code)
    {
        var result = Classifier.Classify(null, description, Catalogue, Threshold);

        Assert.That(result.Category?.Code, Is.EqualTo(code), string.Join(Environment.NewLine, result.Reasons));
        if (description.Contains("没想到", StringComparison.Ordinal))
        {
            Assert.That(result.Reasons, Has.None.StartsWith("否定"), "没想到 does not negate");
        }
        else
        {
            Assert.That(result.Reasons, Has.Some.StartsWith("否定"));
        }
    }

    [Test]
    public void Classify_WhenTheOnlyKeywordIsNegated_NeedsTriage()
    {
        var result = Classifier.Classify(null, "现场没有打架，也没有人受伤", Catalogue, Threshold);

        Assert.That(result.NeedsTriage, Is.True);
        Assert.That(result.Kind, Is.EqualTo(IncidentKind.Unknown));
        Assert.That(result.Reasons, Has.Some.Contains("否定「没有打架」"));
    }

    [TestCase("有人在吵")]
    [TestCase("老板")]
    [TestCase("电动车")]
    [TestCase("隔壁很吵")]
    public void Classify_WhenTheTextIsShortOrVague_NeedsTriageWithCandidates(string description)
    {
        var result = Classifier.Classify(null, description, Catalogue, Threshold);

        Assert.That(result.NeedsTriage, Is.True, string.Join(Environment.NewLine, result.Reasons));
        Assert.That(result.Category, Is.Null);
        Assert.That(result.Kind, Is.EqualTo(IncidentKind.Unknown));
        Assert.That(result.Candidates, Is.Not.Empty);
        Assert.That(result.Confidence, Is.LessThan(Threshold));
        Assert.That(result.Reasons[^1], Does.Contain("needs triage"));
    }

    [Test]
    public void Classify_WhenTwoCategoriesScoreAlike_NeedsTriageListingBoth()
    {
        var result = Classifier.Classify(null, "业主在门口静坐", Catalogue, Threshold);

        Assert.That(result.NeedsTriage, Is.True);
        Assert.That(result.Candidates.Select(c => c.Code), Is.SupersetOf(new[] { "gathering", "property-dispute" }));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("你好，喂喂？")]
    public void Classify_WhenNothingMatches_NeedsTriageWithNoCandidates(string description)
    {
        var result = Classifier.Classify(null, description, Catalogue, Threshold);

        Assert.That(result.NeedsTriage, Is.True);
        Assert.That(result.Candidates, Is.Empty);
        Assert.That(result.Confidence, Is.Zero);
    }

    [Test]
    public void Classify_WhenTheCodeIsKnown_TheCodeWinsOverTheText()
    {
        var result = Classifier.Classify("noise", "两伙人在烧烤摊打起来了", Catalogue, Threshold);

        Assert.That(result.Category?.Code, Is.EqualTo("noise"));
        Assert.That(result.Kind, Is.EqualTo(IncidentKind.NonPolice));
        Assert.That(result.Confidence, Is.EqualTo(1.0));
        Assert.That(result.NeedsTriage, Is.False);
        Assert.That(result.Reasons, Has.Some.Contains("category code given"));
    }

    [Test]
    public void Classify_WhenTheCodeIsUnknownAndTheTextIsClear_ClassifiesFromTheTextAndSaysWhy()
    {
        var result = Classifier.Classify("brawl-2", "两伙人在街上打群架", Catalogue, Threshold);

        Assert.That(result.Category?.Code, Is.EqualTo("fight"));
        Assert.That(result.Kind, Is.EqualTo(IncidentKind.Police));
        Assert.That(result.Reasons[0], Does.Contain("unknown category code 'brawl-2'"));
    }

    [TestCase("other")]
    [TestCase("OTHER")]
    [TestCase(null)]
    public void Classify_WhenTheCodeIsOtherOrMissing_ClassifiesFromTheText(string? code)
    {
        var result = Classifier.Classify(code, "楼下烧烤店油烟太大", Catalogue, Threshold);

        Assert.That(result.Category?.Code, Is.EqualTo("cooking-fumes"));
        Assert.That(result.Reasons[0], Does.Contain("classified from the description"));
    }

    [Test]
    public void Classify_WhenAShortKeywordLiesInsideALongerOne_CountsOnlyTheLonger()
    {
        var result = Classifier.Classify(null, "工地老板没发工资", Catalogue, Threshold);

        Assert.That(result.Category?.Code, Is.EqualTo("wage-arrears"));
        Assert.That(result.Reasons, Has.Some.Contains("「没发工资」"));
        Assert.That(result.Reasons, Has.None.Contains("「工资」"));
    }

    [Test]
    public void Classify_WhenTheThresholdIsRaised_TheSameTextGoesToTriage()
    {
        const string Text = "隔壁装修电钻声";
        var normal = Classifier.Classify(null, Text, Catalogue, Threshold);
        var strict = Classifier.Classify(null, Text, Catalogue, threshold: 0.99);

        Assert.That(normal.NeedsTriage, Is.False);
        Assert.That(strict.NeedsTriage, Is.True);
        Assert.That(strict.Confidence, Is.EqualTo(normal.Confidence));
    }
}
