using Dispatch.Server.Routing.Model;

namespace Dispatch.Tests.Routing.Model;

/// <summary>The word segmenter the model's word features come from, and how features read back as text.</summary>
public sealed class WordsTests
{
    [Test]
    public void Cut_SplitsACallIntoWordsAndLeavesPunctuationOut()
    {
        var words = Words.Cut("有人掉河里了在呼救，桥上一个人说活不下去了！").Split(' ');

        Assert.That(words, Does.Contain("呼救").And.Contain("活不下去").And.Contain("河里"));
        Assert.That(words, Has.None.EqualTo("，").And.None.EqualTo("！").And.None.Empty);
    }

    [Test]
    public void Cut_FromManyThreadsAtOnce_GivesWhatOneThreadGives()
    {
        // The server's prediction engines and the training folds cut text side by side.
        var texts = CorpusTests.Training().Select(t => t.Text).Take(400).ToArray();
        var alone = texts.Select(Words.Cut).ToArray();

        var together = new string[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => together[i] = Words.Cut(texts[i]));

        Assert.That(together, Is.EqualTo(alone));
    }

    [TestCase("WordBag.活不下去", "活不下去")]
    [TestCase("Chars.被|偷", "被偷")]
    [TestCase("Chars.<␂>|救", "救")]
    [TestCase("Chars.着|<␠>|火", "着 火")]
    [TestCase("被|偷", "被偷")]
    public void Piece_ReadsAFeatureNameBackAsTheTextItStandsFor(string slotName, string piece)
    {
        Assert.That(ClassifierModel.Piece(slotName), Is.EqualTo(piece));
    }
}
