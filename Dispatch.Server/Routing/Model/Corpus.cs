using System.Globalization;

namespace Dispatch.Server.Routing.Model;

/// <summary>One labelled text of the corpus or the evaluation set.</summary>
/// <param name="Category">The category code a careful dispatcher would give it.</param>
/// <param name="Text">What the caller, grid member or sensor said.</param>
/// <param name="DangerLabel">The writer's word on danger to life, where the file has a <c>danger</c> column (every evaluation set, some corpus batches); null where it has none.</param>
/// <param name="Source">Where such a text comes from (caller-110, grid-member, hotline-12345, sensor …).</param>
/// <param name="Origin">File and line, for error messages and reports.</param>
public sealed record LabelledText(string Category, string Text, bool? DangerLabel, string Source, string Origin)
{
    /// <summary>Labelled danger to life (false where the file has no label).</summary>
    public bool Danger => DangerLabel == true;
}

/// <summary>A line of a corpus file that could not be read, and why.</summary>
public sealed record CorpusError(string Origin, string Message);

/// <summary>
/// Reads the plain TSV files of <c>infra/catalogue/corpus/</c>. A file's header names its columns: the training
/// corpus has <c>category, text, source</c>; the evaluation set adds <c>danger</c> (0 or 1). Every bad line is
/// reported with its file and line number; nothing is guessed.
/// </summary>
public static class Corpus
{
    /// <summary>Every <c>*.tsv</c> under <paramref name="path"/> (or the one file it names), in a stable order.</summary>
    public static (IReadOnlyList<LabelledText> Texts, IReadOnlyList<CorpusError> Errors) Read(string path, CatalogueSnapshot catalogue)
    {
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.tsv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : File.Exists(path) ? [path] : throw new FileNotFoundException($"No corpus file or folder at '{path}'.", path);
        var texts = new List<LabelledText>();
        var errors = new List<CorpusError>();
        foreach (var file in files)
        {
            using var reader = new StreamReader(file, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
            Parse(Path.GetFileName(file), reader, catalogue, texts, errors);
        }

        return (texts, errors);
    }

    /// <summary>Reads one TSV file's lines into <paramref name="texts"/>, its bad lines into <paramref name="errors"/>.</summary>
    public static void Parse(string name, TextReader reader, CatalogueSnapshot catalogue, List<LabelledText> texts, List<CorpusError> errors)
    {
        var header = reader.ReadLine();
        if (header is null)
        {
            errors.Add(new CorpusError($"{name}:1", "the file is empty: it needs a header line such as 'category<TAB>text<TAB>source'"));
            return;
        }

        var columns = header.Split('\t').Select(c => c.Trim().ToLowerInvariant()).ToList();
        int category = columns.IndexOf("category"), text = columns.IndexOf("text"), source = columns.IndexOf("source"), danger = columns.IndexOf("danger");
        if (category < 0 || text < 0)
        {
            errors.Add(new CorpusError($"{name}:1", $"the header '{header}' must name at least the columns 'category' and 'text', separated by tabs"));
            return;
        }

        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var origin = string.Create(CultureInfo.InvariantCulture, $"{name}:{number}");
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != columns.Count)
            {
                errors.Add(new CorpusError(origin, $"{fields.Length} tab-separated fields where the header has {columns.Count}"));
                continue;
            }

            var code = fields[category].Trim();
            if (catalogue.Find(code) is null)
            {
                errors.Add(new CorpusError(origin, $"unknown category code '{code}'"));
                continue;
            }

            var body = fields[text].Trim();
            if (body.Length == 0)
            {
                errors.Add(new CorpusError(origin, "the text is empty"));
                continue;
            }

            bool? isDanger = null;
            if (danger >= 0)
            {
                var flag = fields[danger].Trim();
                if (flag is not ("0" or "1"))
                {
                    errors.Add(new CorpusError(origin, $"danger must be 0 or 1, not '{flag}'"));
                    continue;
                }

                isDanger = flag == "1";
            }

            texts.Add(new LabelledText(catalogue.Find(code)!.Code, body, isDanger, source >= 0 ? fields[source].Trim() : "", origin));
        }
    }

    /// <summary>A corpus row, as <c>dispatch classify corrections</c> writes it (tabs and line breaks become spaces).</summary>
    public static string Line(string category, string text, string source) =>
        $"{category}\t{Flatten(text)}\t{Flatten(source)}";

    public const string Header = "category\ttext\tsource";

    private static string Flatten(string value) =>
        value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ').Trim();
}
