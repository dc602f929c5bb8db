namespace Dispatch.Contracts;

/// <summary>
/// A unit reported where it is (a phone, a car's AVL box, or an operator by hand). Reports may arrive late, twice
/// or out of order: the newest <see cref="At"/> wins and an older report never overwrites a newer position.
/// </summary>
/// <param name="UnitCode">The unit's code, e.g. <c>YF-PC01</c>.</param>
/// <param name="Position">WGS-84 position (converted from GCJ-02/BD-09 before publishing).</param>
/// <param name="At">When the position was taken (not when it was sent).</param>
/// <param name="AccuracyMetres">The device's stated accuracy radius, if it gave one.</param>
public sealed record UnitPositionReported(string UnitCode, GeoPoint Position, DateTimeOffset At, double? AccuracyMetres);
