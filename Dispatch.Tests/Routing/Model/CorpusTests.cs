using Dispatch.Server.Routing;
using Dispatch.Server.Routing.Model;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Routing.Model;

/// <summary>The labelled corpus and the frozen evaluation set in the repository: readable, big enough, and apart.</summary>
public sealed class CorpusTests
{
    private static readonly CatalogueSnapshot Catalogue = CatalogueSnapshot.LoadEmbedded();

    internal static IReadOnlyList<LabelledText> Training() => ReadClean("infra/catalogue/corpus/train");

    /// <summary>
    /// A frozen evaluation set: <c>eval</c> (the first, 684 texts), <c>eval2</c> (a second writer's, 480 texts),
    /// <c>eval3</c> (a third writer's 420 texts on danger to life and its near neighbours), <c>eval4</c> (a fourth
    /// writer's 320, danger told by its circumstances), <c>eval5</c> (a fifth writer's 400, a normal day's mix),
    /// <c>eval6</c> (a sixth writer's 450, an ordinary week, written blind beside the fourth training batch),
    /// <c>eval7</c> (a seventh writer's 450, a fortnight of mostly long texts, written blind), <c>eval8</c> (an eighth
    /// writer's 448, a day and night with real lengths, written blind beside the sixth training batch), <c>eval9</c> (a
    /// ninth writer's 449, a rainy week in an old district, written blind beside the seventh training batch), <c>eval10</c>
    /// (a tenth writer's 446, a cold week of the Spring Festival travel rush in a county town, written blind), <c>eval11</c>
    /// (an eleventh writer's 441, a hot fortnight in a coastal tourist city, written blind), <c>eval12</c> (a twelfth
    /// writer's 431, a mountain county in the rainy season, written blind), <c>eval13</c> (a thirteenth writer's 451, an
    /// industrial zone in deep winter, written blind beside the ninth training batch), <c>eval14</c> (a fourteenth
    /// writer's 440, a border trading town in a festival week, written blind), <c>eval15</c> (a fifteenth writer's 451,
    /// a coastal county in typhoon season, written blind beside training batches 10 to 15), <c>eval16</c> (a sixteenth
    /// writer's 433, a hill city at harvest and National Day, written blind beside training batches 16 to 21) and
    /// <c>eval17</c> (a seventeenth writer's 441, an old industrial city's riverside district in spring, written blind
    /// beside training batches 22 to 27).
    /// </summary>
    internal static IReadOnlyList<LabelledText> Evaluation(string set = "eval") => ReadClean($"infra/catalogue/corpus/{set}");

    [Test]
    public void TrainingCorpus_CoversEveryCategoryWithAtLeast30TextsAnd2000InAll()
    {
        var corpus = Training();

        Assert.That(corpus, Has.Count.GreaterThanOrEqualTo(2000));
        var thin = Catalogue.All
            .Select(c => (c.Code, Count: corpus.Count(t => t.Category == c.Code)))
            .Where(c => c.Count < 30)
            .ToList();
        Assert.That(thin, Is.Empty, "categories with fewer than 30 training texts");
        Assert.That(corpus.GroupBy(t => Classifier.Normalise(t.Text)).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "duplicate training texts");
    }

    [TestCase("eval", 400)]
    [TestCase("eval2", 400)]
    [TestCase("eval3", 400)]
    [TestCase("eval4", 300)] // a safety set: 220 danger texts and 100 calm ones
    [TestCase("eval5", 400)]
    [TestCase("eval6", 400)]
    [TestCase("eval7", 400)]
    [TestCase("eval8", 400)]
    [TestCase("eval9", 400)]
    [TestCase("eval10", 400)]
    [TestCase("eval11", 400)]
    [TestCase("eval12", 400)]
    [TestCase("eval13", 400)]
    [TestCase("eval14", 400)]
    [TestCase("eval15", 400)]
    [TestCase("eval16", 400)]
    [TestCase("eval17", 400)]
    public void EvaluationSet_IsBigEnoughAndNoneOfItIsInTheTrainingCorpus(string set, int atLeast)
    {
        var evaluation = Evaluation(set);
        var training = Training().Select(t => Classifier.Normalise(t.Text)).ToHashSet();

        Assert.That(evaluation, Has.Count.GreaterThanOrEqualTo(atLeast));
        Assert.That(evaluation.Where(t => training.Contains(Classifier.Normalise(t.Text))).Select(t => t.Origin), Is.Empty,
            "an evaluation text that is also a training text measures memory, not understanding");
        Assert.That(evaluation.Count(t => t.Danger), Is.GreaterThanOrEqualTo(50), "danger-to-life texts to hold the safety rule to");
    }

    [Test]
    public void Parse_WhenLinesAreBad_NamesEachWithItsLineNumberAndKeepsTheGoodOnes()
    {
        const string file = "category\ttext\tdanger\n" +
            "theft\t电动车被偷了\t0\n" +
            "no-such-code\t什么\t0\n" +
            "theft\t只有两列\n" +
            "fire\t\t1\n" +
            "fire\t楼下着火了\tyes\n";
        var texts = new List<LabelledText>();
        var errors = new List<CorpusError>();

        Corpus.Parse("bad.tsv", new StringReader(file), Catalogue, texts, errors);

        Assert.That(texts.Select(t => t.Text), Is.EqualTo(new[] { "电动车被偷了" }));
        Assert.That(errors.Select(e => e.Origin), Is.EqualTo(new[] { "bad.tsv:3", "bad.tsv:4", "bad.tsv:5", "bad.tsv:6" }));
        Assert.That(errors[0].Message, Does.Contain("no-such-code"));
        Assert.That(errors[3].Message, Does.Contain("danger must be 0 or 1"));
    }

    [Test]
    public void Parse_WhenTheHeaderLacksTheTextColumn_SaysWhatItNeeds()
    {
        var errors = new List<CorpusError>();

        Corpus.Parse("x.tsv", new StringReader("code,words\ntheft,被偷\n"), Catalogue, [], errors);

        Assert.That(errors.Single().Message, Does.Contain("'category' and 'text'"));
    }

    private static IReadOnlyList<LabelledText> ReadClean(string relative)
    {
        var (texts, errors) = Corpus.Read(TestEnvironment.RepoFile(relative), Catalogue);
        Assert.That(errors.Select(e => $"{e.Origin}: {e.Message}"), Is.Empty);
        return texts;
    }
}
