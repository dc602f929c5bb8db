using JiebaNet.Segmenter;

namespace Dispatch.Server.Routing.Model;

/// <summary>
/// Cuts Chinese text into words (jieba: a prefix dictionary of about 350,000 words plus an HMM for the words it
/// lacks), so the model can weigh "掉河里" or "活不下去" as words as well as character pieces. The dictionary ships
/// beside the model in <c>jieba/</c> and is loaded once, on first use.
/// </summary>
public static class Words
{
    public const string Folder = "jieba";

    private static readonly Lazy<JiebaSegmenter> Segmenter = new(() =>
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, Folder);
        return new JiebaSegmenter();
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The words of <paramref name="text"/> separated by single spaces; punctuation and white space left out.</summary>
    public static string Cut(string text) =>
        string.Join(' ', Segmenter.Value.Cut(text, cutAll: false, hmm: true).Where(w => w.Any(char.IsLetterOrDigit)));
}
