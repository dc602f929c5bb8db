using Dispatch.Server.Routing;
using Dispatch.Server.Routing.Model;

namespace Dispatch.Tests.Routing.Model;

/// <summary>
/// The danger probability weighs each category by how often writers label its texts danger to life, so that a text
/// the model hesitates over between a hit-and-run and a fender-bender is not counted as calm.
/// </summary>
public sealed class DangerWeightsTests
{
    private static LabelledText Text(string category, bool? danger) => new(category, $"{category} {Guid.NewGuid()}", danger, "app", "test");

    private static IEnumerable<LabelledText> Many(string category, int danger, int calm, int unlabelled = 0) =>
        Enumerable.Repeat(true, danger).Concat(Enumerable.Repeat(false, calm)).Select(d => Text(category, d))
            .Concat(Enumerable.Range(0, unlabelled).Select(_ => Text(category, null)));

    [Test]
    public void EachCategoryWeighsTheShareOfItsLabelledTextsThatAreDanger_PulledTowardItsPrior()
    {
        // hit-and-run: 30 of 95 labelled danger, prior 0 → 30 / 100; fire: 65 of 95, prior 1 → 70 / 100.
        var corpus = Many("hit-and-run", 30, 65, unlabelled: 40).Concat(Many("fire", 65, 30, unlabelled: 200)).ToList();

        var weights = ModelTrainer.DangerWeights(corpus);

        Assert.That(weights["hit-and-run"], Is.EqualTo(0.30).Within(1e-9));
        Assert.That(weights["fire"], Is.EqualTo(0.70).Within(1e-9));
    }

    [Test]
    public void WithoutLabels_TheLifeThreateningCategoriesWeighWholeAndTheRestNothing()
    {
        var corpus = Many("fire", 0, 0, unlabelled: 10).Concat(Many("noise", 0, 0, unlabelled: 10)).Concat(Many("theft", 0, 0, unlabelled: 10)).ToList();

        var weights = ModelTrainer.DangerWeights(corpus);

        Assert.That(weights["fire"], Is.EqualTo(1.0));
        Assert.That(weights.ContainsKey("noise"), Is.False, "a non-police category never counts toward danger");
        Assert.That(weights.ContainsKey("theft"), Is.False);
        Assert.That(DangerSigns.LifeThreateningCategories, Does.Contain("fire"));
    }

    [Test]
    public void TheDangerProbability_IsEachCategorysProbabilityTimesItsWeight()
    {
        var ranked = new[] { new ModelScore("traffic-accident", 0.5), new ModelScore("hit-and-run", 0.3), new ModelScore("noise", 0.2) };
        var weights = new Dictionary<string, double> { ["traffic-accident"] = 0.4, ["hit-and-run"] = 0.3 };

        Assert.That(ModelTrainer.DangerMass(ranked, weights), Is.EqualTo(0.5 * 0.4 + 0.3 * 0.3).Within(1e-9));
        // A model trained before the weights counts the twelve life-threatening categories whole, and none of these is one.
        Assert.That(ModelTrainer.DangerMass(ranked, null), Is.Zero);
    }
}
