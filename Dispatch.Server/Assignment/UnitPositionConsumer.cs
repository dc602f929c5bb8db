using Dispatch.Contracts;
using MassTransit;

namespace Dispatch.Server.Assignment;

/// <summary>
/// Stores position reports. Late, repeated and out-of-order reports are harmless: the store keeps the newest
/// position by the time it was taken, so redelivery and parallel consumers need no further care.
/// </summary>
public sealed class UnitPositionConsumer(UnitStore store, ILogger<UnitPositionConsumer> logger) : IConsumer<UnitPositionReported>
{
    public async Task Consume(ConsumeContext<UnitPositionReported> context)
    {
        var report = context.Message;
        var outcome = await store.RecordPositionAsync(report, context.CancellationToken);
        switch (outcome)
        {
            case PositionOutcome.Stored:
                logger.LogDebug("Position of unit {UnitCode} at {PositionAt} stored", report.UnitCode, report.At);
                if (await store.GetAsync(report.UnitCode, context.CancellationToken) is { } unit)
                {
                    await context.Publish(new UnitChanged(unit.Unit, "position"), context.CancellationToken);
                }

                break;
            case PositionOutcome.NotNewer:
                logger.LogDebug("Position of unit {UnitCode} at {PositionAt} is not newer than the stored one; ignored", report.UnitCode, report.At);
                break;
            default:
                // Not an error worth the error queue: the unit may have been removed after the report was sent.
                logger.LogWarning("Position report for unknown unit {UnitCode} ignored", report.UnitCode);
                break;
        }
    }
}
