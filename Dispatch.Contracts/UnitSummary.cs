namespace Dispatch.Contracts;

/// <summary>A responding unit as screens and the ranking see it.</summary>
/// <param name="Code">Unique code, e.g. <c>YF-PC01</c>.</param>
/// <param name="Name">Chinese name, e.g. 云峰派出所巡逻车1号.</param>
/// <param name="Organisation">The organisation it belongs to, e.g. <c>PS-YUNFENG</c> (云峰派出所).</param>
/// <param name="Kind">Patrol car, foot patrol, linkage squad, grid member or department team.</param>
/// <param name="Position">Last known WGS-84 position, if it ever reported one.</param>
/// <param name="PositionAt">When <paramref name="Position"/> was taken.</param>
/// <param name="Status">What it is doing: off duty, available, on an assignment, busy.</param>
public sealed record UnitSummary(
    string Code,
    string Name,
    string Organisation,
    UnitKind Kind,
    GeoPoint? Position,
    DateTimeOffset? PositionAt,
    UnitStatus Status = UnitStatus.Available);
