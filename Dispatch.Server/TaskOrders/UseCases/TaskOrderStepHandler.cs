using Dispatch.Contracts;
using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using Dispatch.Server.Security;
using Dispatch.Server.TaskOrders.Calendar;
using MassTransit;

namespace Dispatch.Server.TaskOrders.UseCases;

/// <summary>
/// Runs any task-order step: load → decide (<see cref="TaskOrderStep.Decide"/>) → store with the version read →
/// announce. What a step is and when it may happen lives in the step's own file.
/// </summary>
public sealed class TaskOrderStepHandler(TaskOrderStore store, CalendarProvider calendar, TimeProvider clock)
{
    public const string ChangedMeanwhile = "任务单已被他人修改，请刷新后重试 / someone changed the task order meanwhile: reload it and try again";

    public async Task<StepOutcome> HandleAsync(
        Guid id, TaskOrderCommand command, AccessScope scope, string actor, string? role, IPublishEndpoint bus, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(id, cancellationToken);
        if (current is null)
        {
            return StepOutcome.Refused(new StepRefusal.NotFound());
        }

        var now = clock.GetUtcNow();
        var days = calendar.Current;
        var (transition, refusal) = TaskOrderStep.Decide(scope, current.Order, command, now, days);
        if (refusal is not null)
        {
            return StepOutcome.Refused(refusal);
        }

        var after = transition!.After!;
        if (!transition.Changed)
        {
            return StepOutcome.Done(after.ToView(now, days));
        }

        var before = current.Order;
        var step = TaskOrderStep.HistoryLine(before, after, command, now, actor, role);
        var audit = new AuditEntry(now, actor, role, "task-order." + command.Action, TaskOrderStore.AuditSubject, IncidentStore.IdText(id),
            AuditJson.Serialize(before), AuditJson.Serialize(after));
        if (!await store.ApplyAsync(after, current.Version, transition.ResetDeadline, step, audit, cancellationToken))
        {
            return StepOutcome.Refused(new StepRefusal.NotNow(ChangedMeanwhile, before.ToView(now, days)));
        }

        var view = after.ToView(now, days);
        await bus.Publish(new TaskOrderChanged(view, command.Action), cancellationToken);
        return StepOutcome.Done(view);
    }
}
