using Dispatch.Contracts;

namespace Dispatch.Server.Routing;

/// <summary>What routing decided about a new alert.</summary>
/// <param name="Category">The known category, or null.</param>
/// <param name="Kind">Police, non-police, dispute, or unknown.</param>
/// <param name="Status">Open when decided; NeedsTriage when an operator must decide.</param>
/// <param name="Reason">Why, in words an operator can read.</param>
public sealed record Classification(Category? Category, IncidentKind Kind, IncidentStatus Status, string Reason);

/// <summary>
/// Decides police or non-police from the alert's category code. Pure: the catalogue is passed in.
/// Keyword classification of free text comes with the full catalogue.
/// </summary>
public static class IncidentClassifier
{
    public static Classification Classify(string? categoryCode, CategoryCatalogue catalogue)
    {
        if (string.IsNullOrWhiteSpace(categoryCode))
        {
            return new Classification(null, IncidentKind.Unknown, IncidentStatus.NeedsTriage, "警情未带类别 (no category given)");
        }

        var category = catalogue.Find(categoryCode);
        return category is null
            ? new Classification(null, IncidentKind.Unknown, IncidentStatus.NeedsTriage, $"未知类别 '{categoryCode}' (category not in the catalogue)")
            : new Classification(category, category.Kind, IncidentStatus.Open, $"类别 {category.Code} → {category.Kind}");
    }
}
