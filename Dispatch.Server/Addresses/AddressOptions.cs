namespace Dispatch.Server.Addresses;

/// <summary>Configuration section <c>Addresses</c>.</summary>
public sealed class AddressOptions
{
    /// <summary>A match at or above this score places an incident by itself; below, it goes to triage with the alternatives.</summary>
    public double Threshold { get; set; } = 0.8;

    /// <summary>A given location farther than this from the matched address is flagged on the incident.</summary>
    public double DisagreementMetres { get; set; } = 500;
}
