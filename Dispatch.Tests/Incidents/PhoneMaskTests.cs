using Dispatch.Server.Incidents;

namespace Dispatch.Tests.Incidents;

public sealed class PhoneMaskTests
{
    [TestCase("13912345678", "139****5678")]
    [TestCase("057187654321", "057****4321")]
    [TestCase(" 13912345678 ", "139****5678")]
    [TestCase("110", "*10")]
    [TestCase("12", "12")]
    [TestCase("139****5678", "139****5678")]
    [TestCase("", null)]
    [TestCase("   ", null)]
    [TestCase(null, null)]
    public void Mask_HidesTheMiddle(string? phone, string? expected)
    {
        Assert.That(PhoneMask.Mask(phone), Is.EqualTo(expected));
    }
}
