using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Server.Operations;

/// <summary>
/// Strict JSON for every request body read with <see cref="JsonBody"/> (intake first of all): an unknown field (say <c>callerNumber</c> for <c>callerPhone</c>) must be refused
/// rather than silently dropped, and numbers must be numbers.
/// </summary>
public static class StrictJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        MaxDepth = 16,
    };
}
