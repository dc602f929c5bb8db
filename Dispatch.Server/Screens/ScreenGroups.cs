namespace Dispatch.Server.Screens;

/// <summary>
/// The one place SignalR group names are made, so that joins and pushes cannot disagree on spelling.
/// Jurisdiction- and unit-scoped groups come with security.
/// </summary>
public static class ScreenGroups
{
    /// <summary>Every screen that watches the incident queue.</summary>
    public const string Incidents = "incidents";
}
