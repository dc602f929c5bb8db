using Dispatch.Contracts;
using Dispatch.Server.Clock;
using Dispatch.Server.Operations;
using Dispatch.Server.Operations.Parsing;
using Dispatch.Server.Organisations;
using MassTransit;
using Dispatch.Server.Audit;
using Dispatch.Server.Routing.Model;
using Dispatch.Server.Security;

namespace Dispatch.Server.Routing;

/// <summary>One category as the API shows it: the catalogue row, the organisation's Chinese name, and who changed it last.</summary>
public sealed record CategoryView(
    string Code,
    string NameZh,
    string NameEn,
    IncidentKind Kind,
    int Priority,
    OrganisationType Organisation,
    string OrganisationZh,
    ResponsePolicy Response,
    int TaskOrderWorkingDays,
    IReadOnlyDictionary<string, double> Keywords,
    DateTimeOffset UpdatedAt,
    string UpdatedBy)
{
    public static CategoryView From(StoredCategory stored)
    {
        var c = stored.Category;
        return new CategoryView(c.Code, c.NameZh, c.NameEn, c.Kind, c.Priority, c.Organisation, OrganisationNames.Chinese(c.Organisation),
            c.Response, c.TaskOrderWorkingDays, c.Keywords, stored.UpdatedAt, stored.UpdatedBy);
    }
}

/// <summary>The body of <c>POST /api/catalogue/classify</c>.</summary>
public sealed record ClassifyRequest(string? CategoryCode, string? Description);

/// <summary>The classifier's answer as the API and the CLI show it.</summary>
public sealed record ClassifyResponse(
    string? CategoryCode,
    string? CategoryName,
    IncidentKind Kind,
    double Confidence,
    bool NeedsTriage,
    double Threshold,
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<string> Reasons,
    bool Urgent = false)
{
    public static ClassifyResponse From(ClassificationResult result, double threshold) => new(
        result.Category?.Code, result.Category?.NameZh, result.Kind, result.Confidence, result.NeedsTriage, threshold,
        result.Candidates, result.Reasons, result.Urgent);
}

/// <summary>
/// One operator's reclassification as a labelled example: the incident's text with the category the operator
/// gave it. <c>dispatch classify corrections</c> writes these in the corpus format for an admin to review.
/// </summary>
public sealed record CorrectionExample(string Category, string Text, string? Was, string By, DateTimeOffset At, Guid IncidentId)
{
    /// <summary>The corpus "source" column: where the example came from, for the reviewer.</summary>
    public string Source => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"correction {At.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd} by {By} from {Was ?? "triage"}");
}

/// <summary>The body of <c>GET /api/catalogue/model</c>: the model in use, or why the keywords are used instead.</summary>
/// <param name="InUse">"model", or "keywords" when the model file could not be loaded.</param>
/// <param name="Problem">Why the model is not in use.</param>
/// <param name="Model">The model's version, training and figures.</param>
public sealed record ModelView(string InUse, string? Problem, ModelInfo? Model);

/// <summary>
/// <c>/api/catalogue</c>: read and edit the categories, and try the classifier on a text.
/// Editing will be admin-only once the security stage lands (Security/ adds the policy to this group).
/// </summary>
public static class CatalogueEndpoints
{
    public const long MaxBodyBytes = 64 * 1024;
    public const int MaxDescriptionLength = 2000;

    public static async Task<IResult> List(CatalogueStore store, CancellationToken cancellationToken)
    {
        var categories = await store.ListAsync(cancellationToken);
        return TypedResults.Ok(categories.Select(CategoryView.From).ToList());
    }

    public static async Task<IResult> Get(string code, CatalogueStore store, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(code, cancellationToken);
        return stored is null ? Problems.NotFound($"Category '{code}'") : TypedResults.Ok(CategoryView.From(stored));
    }

    /// <summary>Creates (201) or replaces (200) a category, audits it, and refreshes this node's catalogue.</summary>
    public static async Task<IResult> Put(
        string code, HttpContext http, CatalogueStore store, CategoryCatalogue catalogue, IPublishEndpoint bus, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (edit, problem) = await JsonBody.ReadAsync<CategoryEdit>(http.Request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (category, errors) = CategoryValidator.Validate(code, edit);
        if (category is null)
        {
            return Problems.Invalid(errors, "类别数据有误 / The category has invalid fields");
        }

        var actor = Actors.NameOf(http.User);
        var (created, stored) = await store.SaveAsync(category, actor, clock.GetUtcNow(), cancellationToken);
        await catalogue.ReloadAsync(store, cancellationToken);
        await bus.Publish(new ReferenceDataChanged(ReferenceData.Catalogue, clock.GetUtcNow()), cancellationToken);
        loggers.CreateLogger(typeof(CatalogueEndpoints)).LogInformation(
            "Category {CategoryCode} {CatalogueChange} by {Actor}", category.Code, created ? "created" : "replaced", actor);

        var view = CategoryView.From(stored);
        return created
            ? TypedResults.Created($"/api/catalogue/categories/{category.Code}", view)
            : TypedResults.Ok(view);
    }

    /// <summary>Operators' reclassifications since a date, as labelled examples (admins; nothing retrains by itself).</summary>
    public static async Task<IResult> Corrections(string? since, AuditLog audit, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var from = ReportPeriod.Bound(since, "since", endOfDay: false, errors);
        if (from is null)
        {
            return Problems.Invalid(errors, "起始日期有误 / since is required");
        }

        var entries = await audit.ByActionSinceAsync(AuditNames.IncidentReclassified, from.Value, cancellationToken);
        var examples = new List<CorrectionExample>();
        foreach (var entry in entries)
        {
            var after = entry.After is null ? null : System.Text.Json.JsonSerializer.Deserialize<IncidentSummary>(entry.After, AuditJson.Options);
            var before = entry.Before is null ? null : System.Text.Json.JsonSerializer.Deserialize<IncidentSummary>(entry.Before, AuditJson.Options);
            if (after is { CategoryCode: { } code } && !string.IsNullOrWhiteSpace(after.Description))
            {
                examples.Add(new CorrectionExample(code, after.Description, before?.Kind == IncidentKind.Unknown ? null : before?.CategoryCode, entry.Actor, entry.At, after.Id));
            }
        }

        return TypedResults.Ok(examples);
    }

    public static IResult Model(CategoryClassifier classifier) =>
        TypedResults.Ok(new ModelView(classifier.Model is null ? "keywords" : "model", classifier.ModelProblem, classifier.Model?.Info));

    public static async Task<IResult> Classify(
        HttpRequest request, CategoryCatalogue catalogue, CategoryClassifier classifier, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ClassifyRequest>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.Description) && string.IsNullOrWhiteSpace(body?.CategoryCode))
        {
            errors["description"] = ["Give a description (警情描述) to classify, a categoryCode, or both."];
        }
        else if (body!.Description?.Length > MaxDescriptionLength)
        {
            errors["description"] = [$"description is longer than {MaxDescriptionLength} characters."];
        }

        // The same bound as an alert's category code: a longer one is no code of ours or of the 110 platform's.
        if (body?.CategoryCode?.Length > Intake.AlertValidator.MaxCategoryCodeLength)
        {
            errors["categoryCode"] = [$"categoryCode is longer than {Intake.AlertValidator.MaxCategoryCodeLength} characters."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "分类请求有误 / The classification request is invalid");
        }

        var result = classifier.Classify(body!.CategoryCode, body.Description, catalogue.Current);
        return TypedResults.Ok(ClassifyResponse.From(result, classifier.Threshold));
    }
}
