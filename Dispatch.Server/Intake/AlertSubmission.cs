namespace Dispatch.Server.Intake;

/// <summary>
/// The 110 alert exactly as the platform sends it, over HTTP or as a raw AMQP body. Everything is nullable
/// and <c>receivedAt</c> is text so that validation can name each bad field instead of failing at binding.
/// </summary>
public sealed class AlertSubmission
{
    public string? AlertId { get; set; }
    public string? ReceivedAt { get; set; }
    public string? CategoryCode { get; set; }
    public string? Description { get; set; }
    public string? Address { get; set; }
    public SubmittedLocation? Location { get; set; }
    public string? CallerPhone { get; set; }
}

/// <summary>A position as sent: <c>crs</c> is <c>wgs84</c> (default) or <c>gcj02</c>; grid events may also send <c>bd09</c>.</summary>
public sealed class SubmittedLocation
{
    public double? Lon { get; set; }
    public double? Lat { get; set; }
    public string? Crs { get; set; }
}
