using System.Globalization;

namespace Dispatch.Server.Routing;

/// <summary>
/// The classifier's configuration: <c>Routing:ClassifierThreshold</c>, the keyword scoring's confidence from 0 to 1;
/// <c>Routing:ModelThreshold</c>, the model's probability below which it asks for triage (default: the threshold
/// chosen when it was trained); <c>Routing:ModelPath</c>, the folder of <c>classifier.zip</c> (default: beside the server).
/// </summary>
public sealed record ClassifierSettings(double Threshold, double? ModelThreshold = null, string? ModelPath = null)
{
    public const string ThresholdKey = "Routing:ClassifierThreshold";
    public const string ModelThresholdKey = "Routing:ModelThreshold";
    public const string ModelPathKey = "Routing:ModelPath";

    /// <summary>Where the server finds its model when <c>Routing:ModelPath</c> is not set.</summary>
    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, "Routing", "Model");

    /// <summary>
    /// One keyword of weight 3 or more with no competitor passes (0.75); a lone weight-2 keyword (0.5), a tie (≤ 0.5)
    /// or a close runner-up (3 against 2: 0.45) goes to triage.
    /// </summary>
    public const double DefaultThreshold = 0.55;

    public static ClassifierSettings From(IConfiguration configuration) => new(
        Fraction(configuration, ThresholdKey) ?? DefaultThreshold,
        Fraction(configuration, ModelThresholdKey),
        string.IsNullOrWhiteSpace(configuration[ModelPathKey]) ? null : configuration[ModelPathKey]);

    private static double? Fraction(IConfiguration configuration, string key)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value is >= 0 and <= 1))
        {
            throw new InvalidOperationException($"{key} '{text}' must be a number from 0 to 1, e.g. {DefaultThreshold}.");
        }

        return value;
    }
}
