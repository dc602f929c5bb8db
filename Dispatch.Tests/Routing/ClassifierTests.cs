using Dispatch.Contracts;
using Dispatch.Server.Routing;

namespace Dispatch.Tests.Routing;

public sealed class ClassifierTests
{
    private const double Threshold = ClassifierSettings.DefaultThreshold;
    private static readonly CatalogueSnapshot Catalogue = CatalogueSnapshot.LoadEmbedded();

    private static IEnumerable<TestCaseData> Cases() =>
        ClassifierCases.All.Select(c => new TestCaseData(c.Description, c.Code, c.Kind).SetName($"Classify_Case({c.Code}): {c.Description}"));

    [TestCaseSource(nameof(Cases))]
    public void Classify_WhenOnlyTheDescriptionIsGiven_FindsTheCategoryAndKind(string description, string code, IncidentKind kind)
    {
        var result = Classifier.Classify(null, description, Catalogue, Threshold);

        Assert.That(result.Category?.Code, Is.EqualTo(code), string.Join(Environment.NewLine, result.Reasons));
        Assert.That(result.Kind, Is.EqualTo(kind));
        Assert.That(result.NeedsTriage, Is.False);
    }

    [Test]
    public void Classify_OverAllCases_IsRightAtLeast95PercentOfTheTime()
    {
        var misses = ClassifierCases.All
            .Select(c => (Case: c, Result: Classifier.Classify(null, c.Description, Catalogue, Threshold)))
            .Where(x => x.Result.Category?.Code != x.Case.Code || x.Result.Kind != x.Case.Kind)
            .ToList();
        var accuracy = 1 - (misses.Count / (double)ClassifierCases.All.Count);
        TestContext.Out.WriteLine($"accuracy {accuracy:P1} over {ClassifierCases.All.Count} cases");
        foreach (var (c, r) in misses)
        {
            TestContext.Out.WriteLine($"MISS {c.Code} got {r.Category?.Code ?? "triage"} {r.Confidence:0.00}: {c.Description} | {string.Join(" | ", r.Reasons)}");
        }

        Assert.That(ClassifierCases.All, Has.Count.GreaterThanOrEqualTo(100));
        Assert.That(accuracy, Is.GreaterThanOrEqualTo(0.95));
    }
}
