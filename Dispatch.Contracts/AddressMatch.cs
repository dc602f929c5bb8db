namespace Dispatch.Contracts;

/// <summary>An entry of the standard address register (标准地址库) proposed for a text.</summary>
/// <param name="AddressId">The register's id of the address.</param>
/// <param name="Address">Its normalised full text, e.g. 上城区云峰街道兴隆社区新塘路88号兴隆花园12幢3单元.</param>
/// <param name="Score">How sure the match is, 0–1.</param>
/// <param name="Location">Its point, WGS-84.</param>
/// <param name="GridCode">The grid holding it.</param>
/// <param name="Community">Its community's name, when the register gives it.</param>
public sealed record AddressCandidate(string AddressId, string Address, double Score, GeoPoint Location, string GridCode, string? Community);

/// <summary>How an incident's address was matched against the register.</summary>
/// <param name="Text">The address as reported.</param>
/// <param name="Best">The best entry, or null when nothing in the register resembles it.</param>
/// <param name="Alternatives">Up to three next-best entries, best first, for the operator to pick from.</param>
/// <param name="MatchedOn">What the match rests on, e.g. <c>小区 兴隆花园</c>, <c>幢 12</c>, <c>同音字</c>.</param>
/// <param name="Used">True when the incident's location is the best entry's point (no location was given, and the score reached the threshold, or an operator picked it).</param>
/// <param name="DistanceFromGivenMetres">When a location was given too: how far the best entry lies from it.</param>
public sealed record AddressLocation(
    string Text,
    AddressCandidate? Best,
    IReadOnlyList<AddressCandidate> Alternatives,
    IReadOnlyList<string> MatchedOn,
    bool Used,
    double? DistanceFromGivenMetres = null);
