namespace Dispatch.Server.Operations;

/// <summary>
/// The hook for modules a production build leaves out (the demo, see <c>IncludeDemo</c> in the project file). Such a
/// module supplies the body of <see cref="AddOptional"/> in a part of this class in its own folder; production code
/// names none of its types. A partial method without a body compiles away with its call, so deleting the module's
/// folder, or building with <c>-p:IncludeDemo=false</c>, leaves a working production server and touches no file here.
/// </summary>
internal static partial class Modules
{
    static partial void AddOptional(WebApplicationBuilder builder);

    /// <summary>Registered after Geo, Assignment and Organisations and before Messaging: a module seeds what the consumers read.</summary>
    public static WebApplicationBuilder AddOptionalModules(this WebApplicationBuilder builder)
    {
        AddOptional(builder);
        return builder;
    }
}
