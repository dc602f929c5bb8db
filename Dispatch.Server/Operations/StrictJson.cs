using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Server.Intake;

/// <summary>
/// Strict JSON for intake: an unknown field (say <c>callerNumber</c> for <c>callerPhone</c>) must be refused
/// rather than silently dropped, and numbers must be numbers.
/// </summary>
public static class IntakeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        MaxDepth = 16,
    };
}
