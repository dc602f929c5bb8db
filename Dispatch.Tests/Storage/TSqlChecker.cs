using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Dispatch.Tests.Storage;

/// <summary>
/// Checks SQL Server SQL without an engine: parses it with the SQL Server 2016 grammar (ScriptDom) and checks that
/// every table and column it names exists in a schema built from CREATE/ALTER TABLE statements. Lenient where it
/// cannot know (columns of CTEs and derived tables), strict where a typo or a missing migration shows.
/// </summary>
public sealed partial class TSqlChecker
{
    private readonly Dictionary<string, HashSet<string>> tables = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, HashSet<string>> Tables => tables;

    /// <summary>Checks one batch against the schema so far, then applies its CREATE/ALTER/DROP TABLE. Returns the problems.</summary>
    public IReadOnlyList<string> Apply(string batch)
    {
        var problems = Check(batch);
        if (problems.Count == 0)
        {
            var visitor = new SchemaVisitor(tables);
            Parse(batch, out _)?.Accept(visitor);
        }

        return problems;
    }

    /// <summary>The problems of one batch: syntax errors of the SQL Server grammar, unknown tables and columns.</summary>
    public IReadOnlyList<string> Check(string sql)
    {
        var fragment = Parse(ExpandLists(sql), out var errors);
        var problems = errors.Select(e => $"line {e.Line}: {e.Message}").ToList();
        if (fragment is TSqlScript script)
        {
            foreach (var statement in script.Batches.SelectMany(b => b.Statements))
            {
                var references = new ReferenceVisitor();
                statement.Accept(references);
                problems.AddRange(references.Problems(tables));
            }
        }

        return problems;
    }

    private static TSqlFragment? Parse(string sql, out IList<ParseError> errors)
    {
        var parser = new TSql130Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        return parser.Parse(reader, out errors);
    }

    /// <summary>Dapper turns <c>IN @List</c> into <c>IN (@List1, @List2, …)</c> before SQL Server sees it; so does the check.</summary>
    private static string ExpandLists(string sql) => ListParameter().Replace(sql, m => $"IN (@{m.Groups[1].Value}1, @{m.Groups[1].Value}2)");

    [GeneratedRegex(@"\bIN\s+@(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex ListParameter();

    private sealed class SchemaVisitor(Dictionary<string, HashSet<string>> tables) : TSqlFragmentVisitor
    {
        public override void Visit(CreateTableStatement node) =>
            tables[node.SchemaObjectName.BaseIdentifier.Value] = node.Definition.ColumnDefinitions
                .Select(c => c.ColumnIdentifier.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

        public override void Visit(AlterTableAddTableElementStatement node)
        {
            if (tables.TryGetValue(node.SchemaObjectName.BaseIdentifier.Value, out var columns))
            {
                columns.UnionWith(node.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value));
            }
        }

        public override void Visit(AlterTableDropTableElementStatement node)
        {
            if (tables.TryGetValue(node.SchemaObjectName.BaseIdentifier.Value, out var columns))
            {
                foreach (var element in node.AlterTableDropTableElements.Where(e => e.TableElementType == TableElementType.Column))
                {
                    columns.Remove(element.Name.Value);
                }
            }
        }

        public override void Visit(DropTableStatement node)
        {
            foreach (var name in node.Objects)
            {
                tables.Remove(name.BaseIdentifier.Value);
            }
        }
    }

    /// <summary>What one statement names: tables (with aliases), columns, and the names it defines itself.</summary>
    private sealed class ReferenceVisitor : TSqlFragmentVisitor
    {
        private readonly List<(string Table, string? Alias)> named = [];
        private readonly HashSet<string> opaque = new(StringComparer.OrdinalIgnoreCase); // CTEs and derived tables
        private readonly HashSet<string> defined = new(StringComparer.OrdinalIgnoreCase); // select aliases, new tables
        private readonly List<(string? Qualifier, string Column)> columns = [];
        private readonly List<(string Table, IEnumerable<string> Columns)> keyed = []; // index and foreign-key columns

        public override void Visit(NamedTableReference node) => named.Add((node.SchemaObject.BaseIdentifier.Value, node.Alias?.Value));

        public override void Visit(CommonTableExpression node) => opaque.Add(node.ExpressionName.Value);

        public override void Visit(QueryDerivedTable node) => opaque.Add(node.Alias?.Value ?? "");

        public override void Visit(SelectScalarExpression node)
        {
            if (node.ColumnName?.Value is { } alias)
            {
                defined.Add(alias);
            }
        }

        public override void Visit(CreateTableStatement node)
        {
            var name = node.SchemaObjectName.BaseIdentifier.Value;
            defined.Add(name);
            foreach (var c in node.Definition.ColumnDefinitions)
            {
                defined.Add(c.ColumnIdentifier.Value);
            }
        }

        public override void Visit(ForeignKeyConstraintDefinition node) =>
            keyed.Add((node.ReferenceTableName.BaseIdentifier.Value, node.ReferencedTableColumns.Select(c => c.Value)));

        public override void Visit(CreateIndexStatement node) =>
            keyed.Add((node.OnName.BaseIdentifier.Value, node.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value)));

        public override void Visit(ColumnReferenceExpression node)
        {
            if (node.ColumnType == ColumnType.Regular && node.MultiPartIdentifier is { Count: > 0 } id)
            {
                columns.Add((id.Count > 1 ? id.Identifiers[^2].Value : null, id.Identifiers[^1].Value));
            }
        }

        public IEnumerable<string> Problems(Dictionary<string, HashSet<string>> tables)
        {
            bool Known(string table) => tables.ContainsKey(table) || opaque.Contains(table) || defined.Contains(table) || table.StartsWith('#');

            foreach (var table in named.Select(n => n.Table).Concat(keyed.Select(k => k.Table)).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!Known(table))
                {
                    yield return $"unknown table {table}";
                }
            }

            foreach (var (table, names) in keyed)
            {
                if (tables.TryGetValue(table, out var have))
                {
                    foreach (var column in names.Where(c => !have.Contains(c) && !defined.Contains(c)))
                    {
                        yield return $"unknown column {table}.{column}";
                    }
                }
            }

            // Columns of the tables this statement names; a CTE or derived table makes unqualified names unknowable.
            var inScope = named.Where(n => tables.ContainsKey(n.Table)).ToList();
            foreach (var (qualifier, column) in columns.Distinct())
            {
                if (defined.Contains(column))
                {
                    continue;
                }

                if (qualifier is not null)
                {
                    var table = inScope.FirstOrDefault(n => string.Equals(n.Alias ?? n.Table, qualifier, StringComparison.OrdinalIgnoreCase)).Table
                        ?? (tables.ContainsKey(qualifier) ? qualifier : null);
                    if (table is not null && !tables[table].Contains(column))
                    {
                        yield return $"unknown column {qualifier}.{column} ({table} has no {column})";
                    }
                }
                else if (opaque.Count == 0 && inScope.Count > 0 && !inScope.Any(n => tables[n.Table].Contains(column)))
                {
                    yield return $"unknown column {column} (not in {string.Join(", ", inScope.Select(n => n.Table).Distinct())})";
                }
            }
        }
    }
}
