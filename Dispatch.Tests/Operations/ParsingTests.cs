using Dispatch.Contracts;
using Dispatch.Server.Operations.Parsing;

namespace Dispatch.Tests.Operations;

public sealed class ParsingTests
{
    [TestCase("Open", IncidentStatus.Open)]
    [TestCase(" needsTriage ", IncidentStatus.NeedsTriage)]
    [TestCase("CLOSED", IncidentStatus.Closed)]
    public void StrictEnum_TakesANameInAnyCase(string text, IncidentStatus expected)
    {
        Assert.That(StrictEnum.TryParse<IncidentStatus>(text, out var status), Is.True);
        Assert.That(status, Is.EqualTo(expected));
    }

    [TestCase("2")]
    [TestCase("+1")]
    [TestCase("99")]
    [TestCase("Open,Closed")]
    [TestCase("Opened")]
    [TestCase("")]
    [TestCase(null)]
    public void StrictEnum_RefusesNumbersFlagsAndUnknownNames(string? text) =>
        Assert.That(StrictEnum.TryParse<IncidentStatus>(text, out _), Is.False);

    [Test]
    public void StrictEnum_Optional_LeavesBlankOut_AndNamesTheChoicesOfWhatItRefuses()
    {
        var errors = new Dictionary<string, string>();

        Assert.That(StrictEnum.Optional<AssignmentRole>(" ", "role", (f, m) => errors[f] = m), Is.Null);
        Assert.That(StrictEnum.Optional<AssignmentRole>("1", "role", (f, m) => errors[f] = m), Is.Null);
        Assert.That(errors["role"], Is.EqualTo("role '1' is not one of Primary, Reinforcement."));
    }

    [Test]
    public void StrictEnum_QuotesALongValueShortened() =>
        Assert.That(StrictEnum.NotOneOf("kind", new string('x', 5000), ["a"]), Has.Length.LessThan(80));

    [TestCase("2025-09-30T10:00:00+08:00", 2)]
    [TestCase("2025-09-30T10:00:00+0800", 2)]
    [TestCase("2025-09-30T02:00:00Z", 2)]
    [TestCase(" 2025-09-30T02:00:00.123z ", 2)]
    public void OffsetTime_TakesAnIsoTimeWithItsOffset(string text, int utcHour)
    {
        Assert.That(OffsetTime.TryParse(text, out var value), Is.True);
        Assert.That(value.UtcDateTime.Hour, Is.EqualTo(utcHour));
    }

    [TestCase("2025-09-30T10:00:00")]
    [TestCase("2025-09-30 10:00")]
    [TestCase("2025-09-30")]
    [TestCase("10:00+08:00")]
    [TestCase("yesterday")]
    [TestCase("")]
    [TestCase(null)]
    public void OffsetTime_RefusesATimeWithoutAnOffset(string? text) =>
        Assert.That(OffsetTime.TryParse(text, out _), Is.False);
}
