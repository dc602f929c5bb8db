namespace Dispatch.Server.Demo;

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
