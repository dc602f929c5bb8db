namespace Dispatch.Server.Assignment;

/// <summary>Configuration section <c>Dispatch</c>.</summary>
public sealed class DispatchOptions
{
    public const string Section = "Dispatch";

    /// <summary><c>Dispatch:AutoDispatch</c>: dispatch the top recommendation to urgent police incidents as they open.</summary>
    public bool AutoDispatch { get; set; } = true;

    /// <summary><c>Dispatch:AutoDispatchCandidates</c>: how many recommendations auto-dispatch tries when the first was taken meanwhile.</summary>
    public int AutoDispatchCandidates { get; set; } = 3;
}
