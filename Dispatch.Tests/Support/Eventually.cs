namespace Dispatch.Tests.Support;

/// <summary>Polls until a condition holds: the pipeline is asynchronous, and a fixed sleep is either slow or flaky.</summary>
public static class Eventually
{
    public static async Task<T> GetValueAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
        where T : struct =>
        (await GetAsync<object>(async () => await probe(), timeout, what) as T?)!.Value;

    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (value is not null)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
