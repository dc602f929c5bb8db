namespace Dispatch.Console;

/// <summary>Exit codes scripts can tell apart: fix the input, or retry once the server is back.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The input was refused (bad alert, bad file, bad option); sending it again will not help.</summary>
    public const int Rejected = 1;

    /// <summary>The server or database could not be reached or could not take it; try again later.</summary>
    public const int Unavailable = 2;

    /// <summary>A measurement fell below the floor it was given (e.g. <c>dispatch classify evaluate --min-kind</c>).</summary>
    public const int BelowFloor = 3;

    /// <summary>Stopped by Ctrl+C, as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
