using Dispatch.Server.Routing.Model;

namespace Dispatch.Tests.Routing.Model;

/// <summary>
/// The threshold is where answers stop being right more often than not: an operator takes the texts the model would
/// more likely send to the wrong organisation, however many or few they are.
/// </summary>
public sealed class MarginThresholdTests
{
    // Twenty held-out texts at each hundredth's midpoint (0.105, 0.115 …), so no text sits on a window's edge.
    private static IEnumerable<ModelTrainer.HeldOut> Step(int hundredth, bool right) =>
        Enumerable.Range(0, 20).Select(i => new ModelTrainer.HeldOut(
            new LabelledText("noise", $"第{hundredth}档第{i}条", null, "110", "test"),
            new ModelScore(right ? "noise" : "theft", (hundredth + 0.5) / 100), 0, false));

    [Test]
    public void IsTheLowestProbabilityFromWhichUpEveryWindowIsRightAtLeastHalfTheTime()
    {
        // Wrong below 0.25, right from 0.25: the window from 0.23 holds two wrong hundredths and three right ones,
        // the one from 0.22 three wrong and two right.
        var held = Enumerable.Range(10, 15).SelectMany(h => Step(h, right: false))
            .Concat(Enumerable.Range(25, 75).SelectMany(h => Step(h, right: true)))
            .ToList();

        Assert.That(ModelTrainer.MarginThreshold(held), Is.EqualTo(0.23).Within(1e-9));
    }

    [Test]
    public void AWrongWindowHighUp_StopsTheDescentThere()
    {
        // Right everywhere but 0.60–0.64: nothing below that window may be answered on the strength of what is under it.
        var held = Enumerable.Range(10, 90).SelectMany(h => Step(h, right: h is < 60 or > 64)).ToList();

        var threshold = ModelTrainer.MarginThreshold(held);

        Assert.That(threshold, Is.GreaterThan(0.60));
        Assert.That(threshold, Is.LessThanOrEqualTo(0.63 + 1e-9));
    }

    [Test]
    public void TooFewTextsToJudge_StopTheDescent()
    {
        // Nothing held out under 0.50: the window from 0.46 still reaches the texts at 0.505, the one from 0.45 none.
        var held = Enumerable.Range(50, 50).SelectMany(h => Step(h, right: true)).ToList();

        Assert.That(ModelTrainer.MarginThreshold(held), Is.EqualTo(0.46).Within(1e-9));
    }

    [Test]
    public void TooFewTextsAtTheTop_ArePassedOver()
    {
        // Nothing held out from 0.90 up (a model never that sure): the descent starts at the first window it can judge.
        var held = Enumerable.Range(30, 60).SelectMany(h => Step(h, right: true)).ToList();

        Assert.That(ModelTrainer.MarginThreshold(held), Is.EqualTo(0.26).Within(1e-9));
    }
}
