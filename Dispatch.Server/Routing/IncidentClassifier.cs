using Dispatch.Contracts;

namespace Dispatch.Server.Routing;

/// <summary>What routing decided about a new alert.</summary>
/// <param name="Category">The known category, or null.</param>
/// <param name="Kind">Police, non-police, dispute, or unknown.</param>
/// <param name="Status">Open when decided; NeedsTriage when an operator must decide.</param>
/// <param name="Reason">Why, in words an operator can read.</param>
public sealed record Classification(Category? Category, IncidentKind Kind, IncidentStatus Status, string Reason);

/// <summary>
/// The consumer's view of <see cref="Classifier"/>: an incident status and one line of reasons.
/// Still code-only until the pipeline passes the description and the configured threshold.
/// </summary>
public static class IncidentClassifier
{
    public static Classification Classify(string? categoryCode, CategoryCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var result = Classifier.Classify(categoryCode, description: null, catalogue.Current, ClassifierSettings.DefaultThreshold);
        return new Classification(result.Category, result.Kind,
            result.NeedsTriage ? IncidentStatus.NeedsTriage : IncidentStatus.Open,
            string.Join("; ", result.Reasons));
    }
}
