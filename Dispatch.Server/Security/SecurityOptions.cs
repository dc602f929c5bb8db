namespace Dispatch.Server.Security;

/// <summary>The <c>Security</c> configuration section.</summary>
public sealed class SecurityOptions
{
    /// <summary>Login attempts per client address per minute, whatever the user name.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Sustained intake requests per second per API key (bursts up to twice that).</summary>
    public int IntakePerSecond { get; set; } = 500;

    public int SessionHours { get; set; } = 12;

    /// <summary>
    /// Origins besides the server's own whose pages may open the hubs (<c>Security:AllowedOrigins:0</c> …), e.g.
    /// <c>https://dispatch.example.gov.cn</c> when the app is served under another name than the one it is reached by.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Secure cookies only; switch off solely for plain-HTTP development behind no proxy.</summary>
    public bool SecureCookies { get; set; } = true;
}
