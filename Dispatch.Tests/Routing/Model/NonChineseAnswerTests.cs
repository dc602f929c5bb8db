using Dispatch.Contracts;
using Dispatch.Server.Routing;
using Dispatch.Server.Routing.Model;

namespace Dispatch.Tests.Routing.Model;

/// <summary>
/// A text with no Chinese is answered by the model only at the limit cross-validation chose for such texts; a model
/// without one (trained before it, or on too few such texts) sends them all to triage, as before.
/// </summary>
public sealed class NonChineseAnswerTests
{
    private static readonly CatalogueSnapshot Catalogue = CatalogueSnapshot.LoadEmbedded();
    private const string LoudBar = "the bar downstairs plays loud music until 3am every night, we cannot sleep";

    private static CategoryClassifier WithLimit(double? limit, string directory, double? triageDanger = null)
    {
        var shipped = ClassifierModel.Load(ClassifierSettings.DefaultModelPath);
        File.Copy(Path.Combine(ClassifierSettings.DefaultModelPath, ClassifierModel.ModelFileName), Path.Combine(directory, ClassifierModel.ModelFileName), true);
        ModelTrainer.WriteInfo(shipped.Info with { NonChineseThreshold = limit, NonChineseTriageDangerThreshold = triageDanger }, directory);
        return new CategoryClassifier(ClassifierModel.Load(directory), null, new ClassifierSettings(ClassifierSettings.DefaultThreshold));
    }

    [Test]
    public void AtOrAboveTheLimit_TheModelAnswers_AndSaysTheTextHadNoChinese()
    {
        var directory = Directory.CreateTempSubdirectory("non-chinese-").FullName;
        try
        {
            var result = WithLimit(0.0, directory).Classify(null, LoudBar, Catalogue);

            Assert.That(result.NeedsTriage, Is.False, string.Join(" | ", result.Reasons));
            Assert.That(result.Category, Is.Not.Null);
            Assert.That(result.Reasons, Has.Some.Contains("no Chinese, but confidence reaches the limit for such texts"));
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    [TestCase(null)]
    [TestCase(1.0)]
    public void WithoutALimit_OrBelowIt_TheTextGoesToTriage(double? limit)
    {
        var directory = Directory.CreateTempSubdirectory("non-chinese-").FullName;
        try
        {
            var result = WithLimit(limit, directory).Classify(null, LoudBar, Catalogue);

            Assert.That(result.NeedsTriage, Is.True);
            Assert.That(result.Kind, Is.EqualTo(IncidentKind.Unknown));
            Assert.That(result.Reasons, Has.Some.Contains("the description has no Chinese: the model cannot judge it"));
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    [TestCase(null, false)]
    [TestCase(1.01, false)]
    [TestCase(0.0, true)]
    public void InTriage_TheDangerLimitForTextsWithoutChinese_DecidesWhetherItRings(double? triageDanger, bool urgent)
    {
        var directory = Directory.CreateTempSubdirectory("non-chinese-").FullName;
        try
        {
            // No danger sign in it: only the model's danger probability can ring.
            var result = WithLimit(1.0, directory, triageDanger).Classify(null, LoudBar, Catalogue);

            Assert.That(result.NeedsTriage, Is.True);
            Assert.That(result.Urgent, Is.EqualTo(urgent), string.Join(" | ", result.Reasons));
            Assert.That(result.Reasons.Any(r => r.Contains("the model puts danger to life at", StringComparison.Ordinal)), Is.EqualTo(urgent));
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }
}
