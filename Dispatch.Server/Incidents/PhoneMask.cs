namespace Dispatch.Server.Incidents;

/// <summary>
/// A caller's number with the middle hidden (138****5678), as every view of an incident shows it: the number is
/// personal data, and the command screen hangs where visitors can read it. Whoever needs the number to call back
/// asks for it (<c>GET /api/incidents/{id}/caller-phones</c>), and that read is audited.
/// </summary>
public static class PhoneMask
{
    public static string? Mask(string? phone)
    {
        var text = phone?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length >= 7
            ? string.Concat(text.AsSpan(0, 3), "****", text.AsSpan(text.Length - 4))
            : new string('*', Math.Max(text.Length - 2, 0)) + text[^Math.Min(2, text.Length)..];
    }
}
