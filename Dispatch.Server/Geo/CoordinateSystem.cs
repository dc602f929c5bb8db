namespace Dispatch.Server.Geo;

/// <summary>The datums positions arrive in. Dispatch stores WGS-84 only.</summary>
public enum CoordinateSystem
{
    /// <summary>GPS, international maps.</summary>
    Wgs84,

    /// <summary>The obfuscated "Mars" datum of AMap, Tencent and most Chinese phone map SDKs.</summary>
    Gcj02,

    /// <summary>Baidu's datum, a further offset of GCJ-02.</summary>
    Bd09,
}
