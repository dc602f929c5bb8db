using System.Globalization;
using Dispatch.Server.Addresses;

namespace Dispatch.Console.Addresses;

/// <summary>One line of an evaluation file: a text, the register id it means, optionally its community and its kind of variant.</summary>
public sealed record EvaluationCase(int Line, string Text, string ExpectedId, string? ExpectedCommunity, string? Kind);

/// <summary>The figures for a set of cases (all, or one kind).</summary>
public sealed record EvaluationFigures(string Kind, int Cases, double RightBuilding, double RightCommunity, double WrongButSure);

/// <summary>
/// Pure scoring of the matcher against a held-out file: right building (or house number where there is no building),
/// right community, and wrong matches at or above the threshold, overall and per kind of variant.
/// </summary>
public static class AddressEvaluation
{
    /// <summary>Reads <c>text TAB expected_address_id [TAB expected_community [TAB kind]]</c>; blank lines and <c>#</c> comments are skipped.</summary>
    public static (List<EvaluationCase> Cases, List<string> Problems) Parse(IEnumerable<string> lines)
    {
        var cases = new List<EvaluationCase>();
        var problems = new List<string>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < 2 || string.IsNullOrWhiteSpace(cells[0]) || string.IsNullOrWhiteSpace(cells[1]))
            {
                problems.Add($"line {number}: expected text<TAB>expected_address_id[<TAB>expected_community[<TAB>kind]]");
                continue;
            }

            string? Cell(int i) => cells.Length > i && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i].Trim() : null;
            cases.Add(new EvaluationCase(number, cells[0].Trim(), cells[1].Trim(), Cell(2), Cell(3)));
        }

        return (cases, problems);
    }

    /// <summary>Overall first, then one row per kind (when the file gives kinds); cases whose id is not in the register are reported.</summary>
    public static (List<EvaluationFigures> Figures, List<string> Unknown) Score(IReadOnlyList<EvaluationCase> cases, AddressIndex register, double threshold)
    {
        var unknown = new List<string>();
        var outcomes = new List<(string? Kind, bool Building, bool Community, bool WrongSure)>();
        foreach (var c in cases)
        {
            if (register.Find(c.ExpectedId) is not { } expected)
            {
                unknown.Add($"line {c.Line}: {c.ExpectedId} is not in the register");
                continue;
            }

            var best = register.Match(c.Text).Best;
            var found = best is null ? null : register.Find(best.AddressId);
            var rightBuilding = found is not null && BuildingKey(found) == BuildingKey(expected);
            var community = c.ExpectedCommunity ?? expected.Community;
            var rightCommunity = found is not null && found.Community == community;
            outcomes.Add((c.Kind, rightBuilding, rightCommunity, !rightBuilding && best is not null && best.Score >= threshold));
        }

        EvaluationFigures Figures(string kind, List<(string? Kind, bool Building, bool Community, bool WrongSure)> set) =>
            new(kind, set.Count, Percent(set.Count(o => o.Building), set.Count), Percent(set.Count(o => o.Community), set.Count), Percent(set.Count(o => o.WrongSure), set.Count));

        var figures = new List<EvaluationFigures> { Figures("all", outcomes) };
        figures.AddRange(outcomes.Where(o => o.Kind is not null).GroupBy(o => o.Kind!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Figures(g.Key, [.. g])));
        return (figures, unknown);
    }

    /// <summary>The building an entry is in, or its house number where it has no building: a unit counts as its building.</summary>
    public static string BuildingKey(AddressEntry e) =>
        e.Building is not null ? $"{e.Compound}|{AddressEntry.LevelValue(e.Building, "幢")}"
        : e.Compound is not null ? $"{e.Compound}|"
        : $"{e.Road}|{AddressEntry.LevelValue(e.Number, "号")}";

    public static string Format(EvaluationFigures f) => string.Create(CultureInfo.InvariantCulture,
        $"{f.Kind,-24} {f.Cases,6} {f.RightBuilding,10:0.0}% {f.RightCommunity,10:0.0}% {f.WrongButSure,10:0.0}%");

    private static double Percent(int part, int whole) => whole == 0 ? 0 : 100.0 * part / whole;
}
