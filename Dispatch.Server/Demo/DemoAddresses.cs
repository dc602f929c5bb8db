using Dispatch.Server.Addresses;
using Dispatch.Server.Geo;

namespace Dispatch.Server.Demo;

/// <summary>The invented address register of 云峰街道 (<c>infra/geo/addresses.csv</c>), embedded for the first start.</summary>
public static class DemoAddresses
{
    public const string ResourceName = "Dispatch.Server.Demo.addresses.csv";

    public static string ReadText() => DemoFiles.ReadText(ResourceName);

    /// <summary>The register read against the given layers, as an import would read it.</summary>
    public static AddressReadResult Read(JurisdictionSnapshot layers) =>
        AddressFileReader.ReadCsv(ReadText(), CoordinateSystem.Wgs84, AddressImporter.GridLookupOf(layers));

    /// <summary>The register against the demo layers, without a database (tests, the CLI's offline commands).</summary>
    public static IReadOnlyList<AddressEntry> All() =>
        Read(JurisdictionSnapshot.Build(DemoGeography.All().Select(a => new PreparedArea(a.Level, a.Code, a.Name, a.Geometry)))).Entries;
}
