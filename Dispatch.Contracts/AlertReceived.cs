namespace Dispatch.Contracts;

/// <summary>
/// A 110 alert (警情) accepted by intake and put on the bus. Intake has validated it and converted its location
/// to WGS-84; <see cref="IncidentId"/> is the reference intake already gave the caller.
/// </summary>
/// <param name="IncidentId">The incident reference intake answered with; derived from <see cref="AlertId"/>, so a resent alert carries the same one.</param>
/// <param name="AlertId">警情编号 from the 110 platform; unique.</param>
/// <param name="ReceivedAt">When the 110 platform received the call (T0 of the response clock).</param>
/// <param name="CategoryCode">The 110 platform's category code, if it gave one.</param>
/// <param name="Description">The call taker's text (报警内容).</param>
/// <param name="Address">The address as given.</param>
/// <param name="Location">WGS-84 position, if known.</param>
/// <param name="CallerPhone">报警人电话, if given.</param>
/// <param name="Source">Where intake took it from: <c>http</c> (the 110 platform's key), <c>amqp</c>, or <c>manual</c> (entered by an operator).</param>
public sealed record AlertReceived(
    Guid IncidentId,
    string AlertId,
    DateTimeOffset ReceivedAt,
    string? CategoryCode,
    string Description,
    string? Address,
    GeoPoint? Location,
    string? CallerPhone,
    string Source);
