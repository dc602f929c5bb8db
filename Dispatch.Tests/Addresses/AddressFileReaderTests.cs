using Dispatch.Server.Addresses;
using Dispatch.Server.Geo;

namespace Dispatch.Tests.Addresses;

public sealed class AddressFileReaderTests
{
    private const string Header = "id,district,street,community,road,number,compound,building,unit,lon,lat\n";

    // One grid covering 120.20–120.25 × 30.27–30.31; everything else is outside every grid.
    private static readonly GridLookup Grids = (lon, lat) =>
        lon is >= 120.20 and <= 120.25 && lat is >= 30.27 and <= 30.31 ? ("G1", "兴隆社区") : (null, null);

    private static AddressReadResult Read(string text, CoordinateSystem crs = CoordinateSystem.Wgs84) => AddressFileReader.Read(text, crs, Grids);

    [Test]
    public void ReadCsv_ValidRows_GetTheirGridAndCommunityFromThePoint()
    {
        var read = Read(Header + "A1,上城区,云峰街道,,望江路,104,兴隆花园,12,3,120.22,30.29\nA2,,,,春晖路,88,,,,120.21,30.28\n");

        Assert.That(read.Problems, Is.Empty);
        Assert.That(read.Entries.Select(e => (e.Id, e.GridCode, e.Community)), Is.EqualTo(new[] { ("A1", "G1", (string?)"兴隆社区"), ("A2", "G1", "兴隆社区") }));
        Assert.That(read.Entries[0].Normalised, Is.EqualTo("上城区云峰街道兴隆社区望江路104号兴隆花园12幢3单元"));
    }

    [Test]
    public void ReadCsv_BadRows_AreEachReportedWithTheirLine()
    {
        var read = Read(Header
            + "A1,,,,望江路,104,,,,120.22,30.29\n"
            + "A1,,,,望江路,105,,,,120.22,30.29\n"      // line 3: duplicate id
            + ",,,,望江路,106,,,,120.22,30.29\n"        // line 4: no id
            + "A4,,,,,,,,,120.22,30.29\n"                // line 5: no road or compound
            + "A5,,,,望江路,107,,,,121.5,31.5\n"         // line 6: outside every grid
            + "A6,,,,望江路,108,,,,east,30.29\n"         // line 7: lon not a number
            + "A7,,,,望江路,,,,,120.22,30.29\n");        // line 8: road without number

        Assert.That(read.Entries.Select(e => e.Id), Is.EqualTo(new[] { "A1" }));
        Assert.That(read.Problems.Select(p => p.Line), Is.EqualTo(new[] { 3, 4, 5, 6, 7, 8 }));
        Assert.That(read.Problems[0].Reason, Does.Contain("duplicate id A1 (first on line 2)"));
        Assert.That(read.Problems[3].Reason, Does.Contain("outside every grid"));
        Assert.That(read.Problems[4].Reason, Does.Contain("lon 'east'"));
    }

    [Test]
    public void ReadCsv_WrongColumns_IsRefusedWholeNamingThem()
    {
        var ex = Assert.Throws<AddressFileReader.AddressFileException>(() => Read("code,name,x,y\nA1,兴隆花园,120.22,30.29\n"));

        Assert.That(ex!.Message, Does.Contain("missing id, lon, lat").And.Contain("unknown code, name, x, y"));
    }

    [Test]
    public void ReadCsv_Empty_IsRefused() =>
        Assert.Throws<AddressFileReader.AddressFileException>(() => Read(""));

    [Test]
    public void ReadCsv_Gcj02_IsConvertedToWgs84BeforeTheGridIsFound()
    {
        // WGS-84 (120.22, 30.29) in GCJ-02, worked out apart from ChinaCoordinates with the published formulas
        // (as in the coordtransform library) and rounded to 1e-7 degrees (about 1 cm).
        const double gcjLon = 120.2245186, gcjLat = 30.2875648;
        var file = Header + FormattableString.Invariant($"A1,,,,望江路,104,,,,{gcjLon},{gcjLat}\n");

        var asGcj = Read(file, CoordinateSystem.Gcj02).Entries.Single();
        var perRow = Read(Header.TrimEnd('\n') + ",crs\n" + FormattableString.Invariant($"A1,,,,望江路,104,,,,{gcjLon},{gcjLat},gcj02\n")).Entries.Single();

        Assert.That(asGcj.Lon, Is.EqualTo(120.22).Within(1e-5));
        Assert.That(asGcj.Lat, Is.EqualTo(30.29).Within(1e-5));
        Assert.That(perRow.Lon, Is.EqualTo(asGcj.Lon));
    }

    [Test]
    public void ReadCsv_QuotedFields_KeepTheirCommas() =>
        Assert.That(AddressFileReader.SplitCsv("A1,\"兴隆,花园\",\"say \"\"hi\"\"\""), Is.EqualTo(new[] { "A1", "兴隆,花园", "say \"hi\"" }));

    [Test]
    public void ReadGeoJson_Points_AreReadLikeRowsWithTheirFeatureIndex()
    {
        const string json = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"id":"P1","compound":"兴隆花园","building":"12"},"geometry":{"type":"Point","coordinates":[120.22,30.29]}},
              {"type":"Feature","properties":{"id":"P2","compound":"兴隆花园"},"geometry":{"type":"Polygon","coordinates":[]}}
            ]}
            """;

        var read = Read(json);

        Assert.That(read.Entries.Single().Id, Is.EqualTo("P1"));
        Assert.That(read.Problems.Single().Line, Is.EqualTo(1));
    }

    [Test]
    public void ReadGeoJson_NotACollection_IsRefused() =>
        Assert.Throws<AddressFileReader.AddressFileException>(() => Read("{\"type\":\"Feature\"}"));
}
