using System.Text.Json.Serialization;

namespace Dispatch.Contracts;

/// <summary>The jurisdiction layers (辖区图层). Precincts are a separate layer, not nested in the others.</summary>
public enum AreaLevel
{
    /// <summary>区: a city district.</summary>
    [JsonStringEnumMemberName("district")]
    District = 0,

    /// <summary>街道 (or 镇): a street office's area, inside a district.</summary>
    [JsonStringEnumMemberName("street")]
    Street = 1,

    /// <summary>社区 / 村: a residents' or village committee's area, inside a street.</summary>
    [JsonStringEnumMemberName("community")]
    Community = 2,

    /// <summary>网格: a grid member's patch, inside a community.</summary>
    [JsonStringEnumMemberName("grid")]
    Grid = 3,

    /// <summary>派出所辖区: a police station's area; drawn independently of the other layers.</summary>
    [JsonStringEnumMemberName("precinct")]
    Precinct = 4,
}

/// <summary>One area of a jurisdiction layer, as screens and incidents show it.</summary>
/// <param name="Code">The area's code (e.g. the 12-digit statistical division code); unique within its level.</param>
/// <param name="Name">The area's name, e.g. 湖滨街道.</param>
public sealed record AreaRef(string Code, string Name);

/// <summary>
/// Which area of each layer holds a point. A layer with no area there is null. A point on an edge shared by
/// two areas gets the area with the lower code (ordinal string order) and <see cref="OnBoundary"/> true, so
/// the answer is the same on every node and every run; the other side is named in <see cref="SharedWith"/>, so that
/// both sides see what lies on their common edge.
/// </summary>
/// <param name="District">区, or null.</param>
/// <param name="Street">街道, or null.</param>
/// <param name="Community">社区 / 村, or null.</param>
/// <param name="Grid">网格, or null.</param>
/// <param name="Precinct">派出所辖区, or null.</param>
/// <param name="OnBoundary">True when the point lies on the boundary of an area it was given to, in any layer.</param>
/// <param name="SharedWith">
/// The codes of the other areas, of any layer, that also hold the point (the sides of a shared edge or vertex that
/// lost the lower-code tie), in code order; null when there are none. Their people see the point's incident too.
/// </param>
public sealed record Jurisdiction(
    AreaRef? District,
    AreaRef? Street,
    AreaRef? Community,
    AreaRef? Grid,
    AreaRef? Precinct,
    bool OnBoundary,
    IReadOnlyList<string>? SharedWith = null)
{
    /// <summary>No area in any layer.</summary>
    public static Jurisdiction None { get; } = new(null, null, null, null, null, false);
}
