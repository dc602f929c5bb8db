namespace Dispatch.Server.Operations.Parsing;

/// <summary>How a message quotes what it refuses.</summary>
public static class Echo
{
    /// <summary>Enough to recognise the value, never a pasted page of it (a file without line breaks, a huge query).</summary>
    public static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
