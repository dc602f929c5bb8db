using System.Buffers.Binary;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dispatch.Server.Security;
using Dispatch.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.Security;

/// <summary>
/// An unknown user name and a wrong password for a real one do the same expensive work and answer the same bytes,
/// proven by counting, not by timing: each verifies exactly one hash, of the same algorithm, PRF, iteration count
/// and salt length; neither hashes anything new; and the two problem bodies are identical but for the trace id.
/// </summary>
[NonParallelizable]
public sealed class SignInTimingTests
{
    private RunningServer running = null!;

    [OneTimeSetUp]
    public async Task Start() => running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings)
    {
        ["Security:LoginAttemptsPerMinute"] = "1000",
    });

    [OneTimeTearDown]
    public async Task Stop() => await running.DisposeAsync();

    [Test]
    public async Task UnknownUserAndWrongPassword_VerifyOneHashOfTheSameCost()
    {
        var services = running.App.Services;
        var hasher = new CountingHasher();
        var accounts = new AccountService(services.GetRequiredService<UserStore>(), services.GetRequiredService<SessionStore>(),
            services.GetRequiredService<SignInThrottleStore>(), TimeProvider.System, hasher);
        hasher.Reset(); // the dummy hash made up front is not part of a sign-in

        var (unknown, _) = await accounts.LoginAsync("nobody-here", "wrong-password-1", "192.0.2.1", CancellationToken.None);
        var unknownWork = hasher.Reset();
        var (wrong, _) = await accounts.LoginAsync("operator", "wrong-password-1", "192.0.2.2", CancellationToken.None);
        var wrongWork = hasher.Reset();

        Assert.That(unknown.Outcome, Is.EqualTo(LoginOutcome.Invalid));
        Assert.That(wrong.Outcome, Is.EqualTo(LoginOutcome.Invalid));
        Assert.That(unknownWork.Hashed, Is.Zero);
        Assert.That(wrongWork.Hashed, Is.Zero);
        Assert.That(unknownWork.Verified, Has.Count.EqualTo(1));
        Assert.That(wrongWork.Verified, Has.Count.EqualTo(1));
        Assert.That(unknownWork.Verified[0], Is.EqualTo(wrongWork.Verified[0]), "the same format, PRF, iterations and salt length");
        Assert.That(wrongWork.Verified[0].Iterations, Is.GreaterThanOrEqualTo(100_000));
    }

    [Test]
    public async Task UnknownUserAndWrongPassword_AnswerTheSameBytes()
    {
        var unknown = await running.Http.PostAsJsonAsync("/api/auth/login", new { userName = "nobody-here", password = "wrong-password-1" });
        var wrong = await running.Http.PostAsJsonAsync("/api/auth/login", new { userName = "supervisor", password = "wrong-password-1" });

        Assert.That(unknown.StatusCode, Is.EqualTo(wrong.StatusCode));
        Assert.That(unknown.Content.Headers.ContentType?.ToString(), Is.EqualTo(wrong.Content.Headers.ContentType?.ToString()));
        Assert.That(WithoutTraceId(await unknown.Content.ReadAsStringAsync()), Is.EqualTo(WithoutTraceId(await wrong.Content.ReadAsStringAsync())));
    }

    /// <summary>The trace id differs between any two requests; everything else must not.</summary>
    private static string WithoutTraceId(string body)
    {
        var node = JsonNode.Parse(body)!.AsObject();
        Assert.That(node.Remove("traceId"), Is.True);
        return node.ToJsonString();
    }

    /// <summary>The real hasher, counting what it is asked to do and the cost parameters of each hash it checks.</summary>
    private sealed class CountingHasher : IPasswordHasher<UserAccount>
    {
        private readonly PasswordHasher<UserAccount> real = new();
        private int hashed;
        private List<HashCost> verified = [];

        public string HashPassword(UserAccount user, string password)
        {
            hashed++;
            return real.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword)
        {
            verified.Add(HashCost.Of(hashedPassword));
            return real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }

        public (int Hashed, List<HashCost> Verified) Reset()
        {
            var work = (hashed, verified);
            (hashed, verified) = (0, []);
            return work;
        }
    }

    /// <summary>ASP.NET Core Identity's V3 header: format marker, PRF, iteration count, salt length (big-endian).</summary>
    private sealed record HashCost(byte Format, uint Prf, uint Iterations, uint SaltLength)
    {
        public static HashCost Of(string hash)
        {
            var bytes = Convert.FromBase64String(hash);
            return new HashCost(bytes[0], BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)),
                BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)), BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9)));
        }
    }
}
