using Dispatch.Server.Demo;

namespace Dispatch.Server.Operations;

/// <summary>
/// The demo's half of the optional-module hook (<c>Operations/Modules.cs</c>): the only way start-up reaches the demo.
/// A partial method has one body, so another optional module would need a hook of its own.
/// </summary>
internal static partial class Modules
{
    static partial void AddOptional(WebApplicationBuilder builder) => builder.AddDemo();
}
