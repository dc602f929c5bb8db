using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dispatch.Server.Routing;

/// <summary>
/// Degraded when the model file was missing or unreadable at start-up: the node still classifies, by the
/// catalogue's keywords, and <c>/readyz</c> says so (200, with the reason) so that nobody mistakes it for the model.
/// </summary>
public sealed class ClassifierHealthCheck(CategoryClassifier classifier) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(classifier.Model is { } model
            ? HealthCheckResult.Healthy($"model {model.Info.Version}, trained on {model.Info.CorpusSize} texts")
            : HealthCheckResult.Degraded($"classifying by keywords: {classifier.ModelProblem}"));
}
