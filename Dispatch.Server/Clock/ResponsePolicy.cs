namespace Dispatch.Server.Clock;

/// <summary>The response clock of a category, in minutes from the moment the incident is received (the 1-3-5 rule).</summary>
/// <param name="RespondMinutes">Response started (响应启动).</param>
/// <param name="ArriveMinutes">On scene (到场处置).</param>
/// <param name="ReinforceMinutes">Reinforcements working together (增援力量协同); null when none is expected.</param>
public sealed record ResponsePolicy(int RespondMinutes, int ArriveMinutes, int? ReinforceMinutes);

/// <summary>
/// Where a category's response clock is configured (the category catalogue, which Routing owns). The clock stage
/// asks through this, so it does not depend on the stage that opens incidents and starts their clocks.
/// </summary>
public interface IResponsePolicies
{
    /// <summary>The policy of the category, or null for the 1-3-5 default.</summary>
    ResponsePolicy? ResponseOf(string? categoryCode);
}
