using System.Globalization;

namespace Dispatch.Server.Routing;

/// <summary>The classifier's configuration: <c>Routing:ClassifierThreshold</c>, a confidence from 0 to 1.</summary>
public sealed record ClassifierSettings(double Threshold)
{
    public const string ThresholdKey = "Routing:ClassifierThreshold";

    /// <summary>
    /// One keyword of weight 3 or more with no competitor passes (0.75); a lone weight-2 keyword (0.5), a tie (≤ 0.5)
    /// or a close runner-up (3 against 2: 0.45) goes to triage.
    /// </summary>
    public const double DefaultThreshold = 0.55;

    public static ClassifierSettings From(IConfiguration configuration)
    {
        var text = configuration[ThresholdKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ClassifierSettings(DefaultThreshold);
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) || !(threshold is >= 0 and <= 1))
        {
            throw new InvalidOperationException($"{ThresholdKey} '{text}' must be a number from 0 to 1, e.g. {DefaultThreshold}.");
        }

        return new ClassifierSettings(threshold);
    }
}
