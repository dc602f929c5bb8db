namespace Dispatch.Server.Intake;

/// <summary>
/// A grid event (网格事件) exactly as the grid app, the IoT platform or a resident's mini-program sends it.
/// Everything is nullable and <c>reportedAt</c> is text so that validation can name each bad field instead of
/// failing at binding.
/// </summary>
public sealed class GridEventSubmission
{
    public string? EventId { get; set; }
    public string? ReportedAt { get; set; }
    public string? Reporter { get; set; }

    /// <summary><c>gridMember</c> (default), <c>resident</c> or <c>sensor</c>.</summary>
    public string? ReporterKind { get; set; }

    public string? CategoryCode { get; set; }
    public string? Description { get; set; }
    public SubmittedLocation? Location { get; set; }
    public string? GridCode { get; set; }

    /// <summary>The address as written (兴隆花园12幢3单元), matched against the address register when there is no location.</summary>
    public string? Address { get; set; }

    public IReadOnlyList<string?>? PhotoUrls { get; set; }

    /// <summary><c>minor</c> (小事), <c>major</c> (大事) or <c>complex</c> (难事).</summary>
    public string? Tier { get; set; }
}
