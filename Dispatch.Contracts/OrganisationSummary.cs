namespace Dispatch.Contracts;

/// <summary>
/// A body that takes work (责任单位): a police station, a linked department, a community committee, the street
/// command room. It is responsible for incidents of its type inside the areas it serves.
/// </summary>
/// <param name="Code">Stable code, e.g. <c>PS-YUNFENG</c>; units name their organisation by it.</param>
/// <param name="Name">Chinese name, e.g. 云峰派出所.</param>
/// <param name="Type">What kind of body it is; categories name the type responsible for them.</param>
/// <param name="AreaCodes">
/// The areas it serves: precinct codes for a police station, otherwise grid, community, street or district codes.
/// </param>
public sealed record OrganisationSummary(string Code, string Name, OrganisationType Type, IReadOnlyList<string> AreaCodes);
