using System.Text.RegularExpressions;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Operations;

/// <summary>
/// The server's stage folders must not depend on each other in a cycle. A stage depends on another when one of its
/// files names the other's namespace (<c>using Dispatch.Server.Clock;</c>, a qualified <c>Dispatch.Server.Clock.X</c>)
/// or qualifies a type by the stage's name from inside the server (<c>Assignment.AssignmentStore</c>). Unused usings
/// fail the build (IDE0005), so a using is a real dependency.
/// </summary>
public sealed partial class StageDependencyTests
{
    /// <summary>
    /// Dependencies that still close a cycle, each to be removed by moving a type to the stage that owns it or by
    /// inverting it with a small interface. Empty since issue 17, and it may only shrink: an entry that no longer
    /// closes a cycle fails <see cref="KnownCycles_AreStillThere_SoTheListOnlyShrinks"/> until it is deleted.
    /// </summary>
    private static readonly HashSet<(string From, string To)> KnownCycleEdges = [];

    private static readonly string ServerFolder = TestEnvironment.RepoFile("Dispatch.Server");

    [Test]
    public void Stages_HaveNoCycle_ApartFromTheKnownOnes()
    {
        var graph = Graph();
        foreach (var edge in KnownCycleEdges)
        {
            graph.GetValueOrDefault(edge.From)?.Remove(edge.To);
        }

        var cycle = FindCycle(graph);

        Assert.That(cycle, Is.Null, () => $"The stages depend on each other in a cycle: {string.Join(" -> ", cycle!)}. " +
            "Move the type to the stage that owns it, or let the lower stage define a small interface the upper one implements.");
    }

    [Test]
    public void KnownCycles_AreStillThere_SoTheListOnlyShrinks()
    {
        var graph = Graph();
        var gone = KnownCycleEdges.Where(e => !graph.GetValueOrDefault(e.From, []).Contains(e.To) || !Reaches(graph, e.To, e.From)).ToList();

        Assert.That(gone, Is.Empty, "these dependencies no longer close a cycle: delete them from KnownCycleEdges");
    }

    [Test]
    public void Graph_SeesUsingsAndQualifiedNames()
    {
        // The reader itself: a missed kind of reference would let a cycle through unseen.
        var graph = Graph();

        Assert.That(graph["TaskOrders"], Does.Contain("Audit"), "a using directive");
        Assert.That(graph["Routing"], Does.Contain("Intake"), "a name qualified by the stage (Intake.AlertValidator)");
        Assert.That(graph.Keys, Does.Contain("Clock").And.Contain("Screens").And.Not.Contain("ClientApp"));
    }

    /// <summary>Stage → the stages its source names.</summary>
    private static Dictionary<string, HashSet<string>> Graph()
    {
        var stages = Directory.GetDirectories(ServerFolder).Select(Path.GetFileName).OfType<string>()
            .Where(d => Directory.EnumerateFiles(Path.Combine(ServerFolder, d), "*.cs", SearchOption.AllDirectories).Any(f => !IsBuildOutput(f)))
            .ToHashSet();
        var qualified = new Regex(@"Dispatch\.Server\.(\w+)|(?<![\w.])(" + string.Join('|', stages) + @")\.[A-Z]\w*");
        var graph = stages.ToDictionary(s => s, _ => new HashSet<string>());
        foreach (var stage in stages)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(ServerFolder, stage), "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)))
            {
                foreach (Match match in qualified.Matches(Code(File.ReadAllText(file))))
                {
                    var target = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
                    if (target != stage && stages.Contains(target))
                    {
                        graph[stage].Add(target);
                    }
                }
            }
        }

        return graph;
    }

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(p => p is "bin" or "obj" or "node_modules");

    /// <summary>The text without comments and string literals, which name stages without depending on them.</summary>
    private static string Code(string source) => StringLiteral().Replace(LineComment().Replace(source, ""), "\"\"");

    private static string[]? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = new Dictionary<string, int>(); // 1 on the path, 2 done
        var path = new List<string>();
        string[]? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph[node].Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path.Skip(path.IndexOf(next)), next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        return graph.Keys.Order(StringComparer.Ordinal).Where(n => state.GetValueOrDefault(n) == 0).Select(Visit).FirstOrDefault(c => c is not null);
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> graph, string from, string to)
    {
        var seen = new HashSet<string> { from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var node))
        {
            if (node == to)
            {
                return true;
            }

            foreach (var next in graph.GetValueOrDefault(node, []).Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?m)(^|\s)//.*$")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex StringLiteral();
}
