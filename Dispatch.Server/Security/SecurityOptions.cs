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

/// <summary>The <c>Demo</c> configuration section: demo users and key, on the embedded defaults only.</summary>
public sealed class DemoOptions
{
    /// <summary>Create the demo users and API key on first start (true in Development; never set it in production).</summary>
    public bool Seed { get; set; }

    /// <summary>The demo users' password; random and printed once when empty.</summary>
    public string? Password { get; set; }

    /// <summary>The demo API key; random and printed once when empty.</summary>
    public string? ApiKey { get; set; }
}
