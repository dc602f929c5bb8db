using System.Text.RegularExpressions;
using Dispatch.Server.Demo;
using Dispatch.Server.Operations;
using Dispatch.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Dispatch.Tests.Demo;

/// <summary>
/// The demo is a module a production build leaves out (<c>-p:IncludeDemo=false</c> drops Demo/): that build compiles
/// only while no production file names a demo type, and a server of the default build registers none in Production.
/// </summary>
public sealed partial class DemoModuleTests
{
    [Test]
    public void ProductionSources_NameNoDemoType()
    {
        var server = TestEnvironment.RepoFile("Dispatch.Server");
        var demo = Path.Combine(server, "Demo") + Path.DirectorySeparatorChar;
        var demoTypes = Directory.EnumerateFiles(demo, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => TopLevelType().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.That(demoTypes, Does.Contain(nameof(DemoFeed)).And.Contain(nameof(DemoAccountsSeeder)), "the scan finds the demo's types");

        var production = Directory.EnumerateFiles(server, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(demo, StringComparison.Ordinal) && !IsBuildOutput(server, f));
        var offences = production
            .SelectMany(f =>
            {
                var text = File.ReadAllText(f);
                var named = Identifier().Matches(text).Select(m => m.Value).Where(demoTypes.Contains)
                    .Concat(text.Contains("Dispatch.Server.Demo", StringComparison.Ordinal) ? ["Dispatch.Server.Demo"] : []);
                return named.Distinct().Select(n => $"{Path.GetRelativePath(server, f)}: {n}");
            })
            .ToList();

        Assert.That(offences, Is.Empty, "only Demo/ may name the demo: production builds leave it out");
    }

    [TestCase("Production")]
    [TestCase("Staging")]
    public void OptionalModules_OutsideDevelopmentAndDemo_RegisterNothing(string environment)
    {
        var builder = Builder(environment);
        var before = builder.Services.Count;

        builder.AddOptionalModules();

        Assert.That(builder.Services, Has.Count.EqualTo(before));
    }

    [TestCase("Development")]
    [TestCase("Demo")]
    public void OptionalModules_InDevelopmentAndDemo_RegisterTheDemo(string environment)
    {
        var builder = Builder(environment);

        builder.AddOptionalModules();

        var registered = builder.Services.Select(d => d.ImplementationType).OfType<Type>().ToList();
        Assert.That(registered, Does.Contain(typeof(DemoAccountsSeeder)).And.Contain(typeof(DemoFeed)).And.Contain(typeof(ResponderSimulator)));
    }

    private static WebApplicationBuilder Builder(string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:Seed"] = "false", ["Demo:Feed"] = "false" });
        return builder;
    }

    private static bool IsBuildOutput(string project, string file) =>
        Path.GetRelativePath(project, file).Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj" or "ClientApp";

    /// <summary>A type declared at the top of a file; the partial Modules is the hook production declares itself.</summary>
    [GeneratedRegex(@"^(?:public|internal) (?:(?:sealed|static|abstract|readonly) )*(?:class|record|enum|struct|interface) (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    [GeneratedRegex(@"\b[A-Za-z_]\w*\b")]
    private static partial Regex Identifier();
}
