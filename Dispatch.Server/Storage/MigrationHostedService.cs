namespace Dispatch.Server.Storage;

/// <summary>
/// Applies migrations in <see cref="IHostedLifecycleService.StartingAsync"/>, before any hosted service
/// (the bus among them) starts and before the server takes requests.
/// </summary>
internal sealed class MigrationHostedService(MigrationRunner runner, TimeProvider clock) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => runner.MigrateAsync(clock, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
