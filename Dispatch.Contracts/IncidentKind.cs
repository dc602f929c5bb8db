namespace Dispatch.Contracts;

/// <summary>Who leads the work (国办发〔2022〕12号): the police station, a linked department, or police on scene then the street.</summary>
public enum IncidentKind
{
    /// <summary>Not yet known: the category was missing or not in the catalogue.</summary>
    Unknown = 0,

    /// <summary>警务类: goes to the police station.</summary>
    Police = 1,

    /// <summary>非警务类: goes to a linked department (联动部门).</summary>
    NonPolice = 2,

    /// <summary>纠纷类: police-led on scene, handed to the street if not settled.</summary>
    Dispute = 3,
}
