namespace Dispatch.Contracts;

/// <summary>What kind of responding unit (处置力量) it is; decides its travel speed in the ranking.</summary>
public enum UnitKind
{
    /// <summary>巡逻车: a police station's patrol car.</summary>
    PatrolCar = 0,

    /// <summary>步巡: a police foot patrol.</summary>
    FootPatrol = 1,

    /// <summary>应急联动处置分队: the street's emergency linkage squad, usually on e-bikes.</summary>
    LinkageSquad = 2,

    /// <summary>网格员: a grid member, on foot in their grid.</summary>
    GridMember = 3,

    /// <summary>A linked department's team (城管, 市场监管, 司法所 …).</summary>
    DepartmentTeam = 4,
}
