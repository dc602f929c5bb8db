using System.Text;
using Dispatch.Server.Audit;

namespace Dispatch.Tests.Audit;

public sealed class BreachesTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    private static Breach Make(string kind, string? organisation, string? street, int hour) => new(
        Guid.NewGuid(), kind, null, new DateTimeOffset(2025, 10, 9, hour, 0, 0, Cst), new DateTimeOffset(2025, 10, 9, hour, 0, 5, Cst), 65.4,
        organisation, street, "330102007001", "/api/incidents/x");

    [Test]
    public void Filter_ByOrganisationAndStreet_KeepsOnlyTheMatchingBreaches()
    {
        var cgYunfeng = Make("arrive", "CG-YUNFENG", "330102007", 9);
        var cgOther = Make("arrive", "CG-YUNFENG", "330102008", 10);
        var sj = Make("respond", "SJ-YUNFENG", "330102007", 11);
        var unrouted = Make("respond", null, null, 12);
        Breach[] all = [cgYunfeng, cgOther, sj, unrouted];

        Assert.That(BreachList.Filter(all, null, null), Is.EqualTo(all));
        Assert.That(BreachList.Filter(all, "CG-YUNFENG", null), Is.EqualTo(new[] { cgYunfeng, cgOther }));
        Assert.That(BreachList.Filter(all, null, "330102007"), Is.EqualTo(new[] { cgYunfeng, sj }));
        Assert.That(BreachList.Filter(all, "CG-YUNFENG", "330102007"), Is.EqualTo(new[] { cgYunfeng }));
    }

    [Test]
    public void Csv_HasAHeaderRow_AndTimesInBeijingTime()
    {
        var breach = Make("arrive", "CG-YUNFENG", "330102007", 9);

        var bytes = BreachesCsv.Write([breach]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).TrimEnd().Split("\r\n");

        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(lines[0], Does.StartWith("事件 incident,类型 kind,任务单 task order,期限 due (UTC+8)"));
        Assert.That(lines[0], Does.EndWith("时间线 timeline,类别 category,地址 address"));
        Assert.That(lines[1], Is.EqualTo($"{breach.IncidentId},arrive,,2025-10-09 09:00:00,2025-10-09 09:00:05,65,CG-YUNFENG,330102007,330102007001,/api/incidents/x,,"));
        Assert.That(lines, Has.Length.EqualTo(2));
    }

    [Test]
    public void Csv_SaysWhatHappenedAndWhere_QuotingAnAddressWithACommaOrQuote()
    {
        var breach = Make("respond", "PS-YUNFENG", "330102007", 9) with { CategoryName = "火灾", Address = "云峰路8号，\"东门\"" };

        var bytes = BreachesCsv.Write([breach]);
        var line = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).TrimEnd().Split("\r\n")[1];

        Assert.That(line, Does.EndWith(",/api/incidents/x,火灾,\"云峰路8号，\"\"东门\"\"\""));
    }
}
