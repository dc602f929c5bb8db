namespace Dispatch.Server.Routing;

/// <summary>The <c>Routing</c> configuration section (the classifier threshold is read by <see cref="ClassifierSettings"/>).</summary>
public sealed class RoutingOptions
{
    /// <summary>A new alert this close to an open incident of the same category joins it.</summary>
    public double DuplicateRadiusMetres { get; set; } = 200;

    /// <summary>…if it was received within this many minutes of that incident.</summary>
    public double DuplicateWindowMinutes { get; set; } = 15;

    public TimeSpan DuplicateWindow => TimeSpan.FromMinutes(DuplicateWindowMinutes);
}
