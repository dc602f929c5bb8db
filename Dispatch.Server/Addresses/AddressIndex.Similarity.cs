namespace Dispatch.Server.Addresses;

/// <summary>
/// How a register name (road, compound, community) is found in a text: its core aligned with homophones allowed,
/// then its kind's suffix. The index around it (<c>AddressIndex.cs</c>) builds the names and scores whole entries.
/// </summary>
public sealed partial class AddressIndex
{
    private static double SuffixScore(Name name, string residual, int end)
    {
        var rest = residual.AsSpan(end);
        if (rest.StartsWith(name.Suffix, StringComparison.Ordinal))
        {
            return 1;
        }

        if (rest.Length >= name.Suffix.Length && SoundsAlike(rest[..name.Suffix.Length], name.Suffix))
        {
            return 0.9;
        }

        var kindSuffixes = name.Kind switch { NameKind.Road => RoadSuffixes, NameKind.Compound => CompoundSuffixes, _ => CommunitySuffixes };
        foreach (var s in kindSuffixes)
        {
            if (rest.StartsWith(s, StringComparison.Ordinal))
            {
                return 0.5;
            }
        }

        // No suffix at all (兴隆12幢) says less than a different one of the same kind, but is common in speech.
        return rest.IsEmpty || rest[0] == '|' ? 0.4 : 0;
    }

    private static bool SoundsAlike(ReadOnlySpan<char> a, string b)
    {
        for (var i = 0; i < b.Length; i++)
        {
            if (Homophones.Class(a[i]) != Homophones.Class(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// How well a name appears in the text: its core aligned anywhere (Sellers' approximate substring match: a
    /// different character costs 1, a homophone 0.25, a missing or extra character 1), then its kind's suffix right
    /// after the aligned span. The best place wins, so 兴隆花园 is found after 兴隆社区 in 兴隆社区兴隆花园.
    /// </summary>
    private static (double Similarity, double Cost) Similarity(Name name, string residual, int[] text)
    {
        var core = name.Core;
        var previous = new double[core.Length + 1];
        var current = new double[core.Length + 1];
        for (var i = 0; i <= core.Length; i++)
        {
            previous[i] = i;
        }

        var best = (Similarity: 0.0, Cost: (double)core.Length);
        for (var j = 1; j <= text.Length; j++)
        {
            current[0] = 0;
            for (var i = 1; i <= core.Length; i++)
            {
                var substitution = name.CoreText[i - 1] == residual[j - 1] ? 0 : core[i - 1] == text[j - 1] ? 0.25 : 1;
                current[i] = Math.Min(Math.Min(previous[i] + 1, current[i - 1] + 1), previous[i - 1] + substitution);
            }

            var cost = current[core.Length];
            var coreSimilarity = 1 - (cost / core.Length);
            if (coreSimilarity >= MinCoreSimilarity)
            {
                // A core followed by a word of another kind (兴隆 in 兴隆路 for 兴隆花园) is another name that starts alike.
                var suffix = name.Suffix.Length == 0 ? 1 : SuffixScore(name, residual, j);
                var similarity = suffix == 0 ? 0.7 * coreSimilarity : (0.85 * coreSimilarity) + (0.15 * suffix);
                if (similarity > best.Similarity)
                {
                    best = (similarity, cost);
                }
            }

            (previous, current) = (current, previous);
        }

        return best;
    }

    private enum NameKind
    {
        Road,
        Compound,
        Community,
    }

    private sealed record Name(NameKind Kind, string Text, string Suffix, string CoreText, int[] Core)
    {
        public int[] Entries { get; init; } = [];

        public static Name Create(NameKind kind, string text)
        {
            var suffixes = kind switch { NameKind.Road => RoadSuffixes, NameKind.Compound => CompoundSuffixes, _ => CommunitySuffixes };
            var suffix = suffixes.FirstOrDefault(s => text.Length > s.Length && text.EndsWith(s, StringComparison.Ordinal)) ?? "";
            var core = text[..^suffix.Length];
            return new Name(kind, text, suffix, core, [.. core.Select(Homophones.Class)]);
        }
    }
}
