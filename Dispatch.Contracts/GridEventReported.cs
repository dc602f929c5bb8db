namespace Dispatch.Contracts;

/// <summary>How much a grid event asks of the street (小事/大事/难事): decides who settles it.</summary>
public enum GridEventTier
{
    /// <summary>小事: the grid member or community settles it on the spot (小事不出网格).</summary>
    Minor = 0,

    /// <summary>大事: needs a linked department or the street (大事不出街道).</summary>
    Major = 1,

    /// <summary>难事: needs several departments, or the district, to work together (难事联动解决).</summary>
    Complex = 2,
}

/// <summary>Who reported a grid event.</summary>
public enum ReporterKind
{
    /// <summary>网格员: the reporter is a grid member's unit code.</summary>
    GridMember = 0,

    /// <summary>居民: a resident through the grid app or mini-program; the reporter is their account id.</summary>
    Resident = 1,

    /// <summary>物联感知设备: an IoT sensor (高空抛物 camera, smoke detector, EV charging point); the reporter is its id.</summary>
    Sensor = 2,
}

/// <summary>
/// A grid event (网格事件) accepted by intake and put on the bus. Intake has validated it and converted its
/// location to WGS-84; <see cref="IncidentId"/> is the reference intake already gave the reporter.
/// At least one of <see cref="Location"/>, <see cref="GridCode"/> and <see cref="Address"/> is set.
/// </summary>
/// <param name="IncidentId">The incident reference intake answered with; derived from <see cref="EventId"/> (never equal to an alert's), so a resent event carries the same one.</param>
/// <param name="EventId">The grid platform's event id; unique.</param>
/// <param name="ReportedAt">When the event was reported (T0 of the response clock).</param>
/// <param name="Reporter">A grid member's unit code (e.g. <c>WG-330102007001001</c>), a resident's account id or a sensor id (e.g. <c>SENSOR-SMOKE-0012</c>).</param>
/// <param name="ReporterKind">Which of those <see cref="Reporter"/> is.</param>
/// <param name="CategoryCode">The category code from the catalogue, if the reporter picked one.</param>
/// <param name="Description">What was reported (事件描述).</param>
/// <param name="Location">WGS-84 position, if known.</param>
/// <param name="GridCode">The grid (网格) the event is in, if the reporter gave it.</param>
/// <param name="PhotoUrls">Photos taken on the spot (at most 9), absolute http(s) URLs; empty when none.</param>
/// <param name="Tier">小事 / 大事 / 难事 as the reporter judged it.</param>
/// <param name="Source">Where intake took it from: <c>http</c>.</param>
/// <param name="Address">The address as written, if any; matched against the address register when there is no location.</param>
public sealed record GridEventReported(
    Guid IncidentId,
    string EventId,
    DateTimeOffset ReportedAt,
    string Reporter,
    ReporterKind ReporterKind,
    string? CategoryCode,
    string Description,
    GeoPoint? Location,
    string? GridCode,
    IReadOnlyList<string> PhotoUrls,
    GridEventTier Tier,
    string Source,
    string? Address = null);
