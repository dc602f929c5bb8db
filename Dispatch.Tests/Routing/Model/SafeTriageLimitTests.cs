using Dispatch.Server.Routing.Model;

namespace Dispatch.Tests.Routing.Model;

/// <summary>The danger limit for texts in triage is chosen for safety, within a false-alarm ceiling and floor.</summary>
public sealed class SafeTriageLimitTests
{
    // The calm texts left in triage: 0.000 … 0.099, so a limit of 0.06 already rings for 40 % of them.
    private static readonly double[] Calm = Enumerable.Range(0, 100).Select(i => i / 1000.0).ToArray();

    [Test]
    public void RingsForEveryDangerTextLeftInTriage()
    {
        // Twenty danger texts, 0.127 and 0.15 … 1.00: the limit is the lowest, rounded down to two decimals.
        var danger = Enumerable.Range(3, 18).Select(i => i * 0.05).Append(0.127).ToList();

        var limit = ModelTrainer.SafeTriageLimit(danger, Calm, falseAlarmLimit: 0.9);

        Assert.That(limit, Is.EqualTo(0.12).Within(1e-9));
        Assert.That(danger, Has.All.GreaterThanOrEqualTo(limit));
    }

    [Test]
    public void NeverRisesAboveTheFalseAlarmLimit()
    {
        var danger = new[] { 0.95, 0.97 };

        Assert.That(ModelTrainer.SafeTriageLimit(danger, Calm, falseAlarmLimit: 0.6), Is.EqualTo(0.6));
    }

    [Test]
    public void NeverRingsForMostOfTheCalmTextsInTheQueue()
    {
        var danger = new[] { 0.01, 0.5 };

        var limit = ModelTrainer.SafeTriageLimit(danger, Calm, falseAlarmLimit: 0.6);

        Assert.That(Calm.Count(m => m >= limit) / (double)Calm.Length, Is.LessThanOrEqualTo(ModelTrainer.MaxTriageFlagRate));
        Assert.That(limit, Is.EqualTo(0.06).Within(1e-9));
    }

    [Test]
    public void WithoutDangerTextsInTriage_KeepsTheFalseAlarmLimit() =>
        Assert.That(ModelTrainer.SafeTriageLimit([], Calm, falseAlarmLimit: 0.54), Is.EqualTo(0.54));
}
