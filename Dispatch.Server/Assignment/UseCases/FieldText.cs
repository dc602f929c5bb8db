namespace Dispatch.Server.Assignment.UseCases;

/// <summary>The free texts of dispatch (reasons, results, instructions), pure: trimmed, required, bounded.</summary>
public static class FieldText
{
    /// <summary>Every such text is kept in the audit log; this bounds what one request may put there.</summary>
    public const int MaxLength = 500;

    /// <summary>The trimmed text, or a refusal naming <paramref name="name"/> under <paramref name="title"/>.</summary>
    public static (string? Text, Refusal? Invalid) Required(string? text, string name, string title)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength
            ? (null, Refusal.Invalid(name, $"{name} is required, at most {MaxLength} characters: it is kept in the audit log.", title))
            : (trimmed, null);
    }
}
