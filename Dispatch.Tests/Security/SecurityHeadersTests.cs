using System.Text.RegularExpressions;
using Dispatch.Server.Security;
using Dispatch.Tests.Support;
using Microsoft.Playwright;

namespace Dispatch.Tests.Security;

/// <summary>
/// Every response carries the Content-Security-Policy and the usual headers and no Server banner; the pages run
/// under that policy without a single violation, and Swagger UI under its own.
/// </summary>
[NonParallelizable]
public sealed partial class SecurityHeadersTests
{
    private RunningServer running = null!;

    [OneTimeSetUp]
    public async Task Start() =>
        running = await RunningServer.StartAsync(settings: new Dictionary<string, string>(Session.DemoSettings)
        {
            ["Map:TileUrl"] = "https://{s}.tiles.example.cn:8443/{z}/{x}/{y}.png",
        });

    [OneTimeTearDown]
    public async Task Stop() => await running.DisposeAsync();

    [TestCase("/")]
    [TestCase("/responder.html")]
    [TestCase("/assets/command.js")]
    [TestCase("/api/auth/me")]
    [TestCase("/api/incidents")]
    [TestCase("/no/such/page")]
    [TestCase("/readyz")]
    public async Task EveryResponse_CarriesThePolicyAndHeadersAndNoBanner(string path)
    {
        using var response = await running.Http.GetAsync(path);

        var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.That(csp, Does.Contain("script-src 'self';"));
        Assert.That(csp, Does.Contain("object-src 'none'"));
        Assert.That(csp, Does.Contain("frame-ancestors 'none'"));
        Assert.That(csp, Does.Contain("base-uri 'self'"));
        Assert.That(csp, Does.Contain("img-src 'self' data: https://*.tiles.example.cn:8443;"), "the tile host of Map:TileUrl");
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("same-origin"));
        Assert.That(response.Headers.Contains("Server"), Is.False, "no Server banner");
    }

    [TestCase(null, null)]
    [TestCase("/tiles/{z}/{x}/{y}.png", null)]
    [TestCase("https://webrd0{s}.is.autonavi.com/appmaptile?x={x}", "https://webrd0*.is.autonavi.com")]
    [TestCase("HTTP://tiles.local:8080/{z}/{x}/{y}.png", "http://tiles.local:8080")]
    public void TileSource_IsTheSchemeAndHostOfTheTemplate(string? tileUrl, string? expected) =>
        Assert.That(SecurityHeaders.TileSource(tileUrl), Is.EqualTo(expected));

    [Test]
    public void BuiltPages_HaveNoInlineScript()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var pages = Directory.GetFiles(Directory.Exists(root) ? root : TestEnvironment.RepoFile(Path.Combine("Dispatch.Server", "wwwroot")), "*.html");
        Assert.That(pages, Is.Not.Empty);
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            foreach (Match script in ScriptTag().Matches(html))
            {
                Assert.That(script.Groups["attributes"].Value, Does.Contain("src="), $"{Path.GetFileName(page)}: {script.Value}");
                Assert.That(script.Groups["body"].Value.Trim(), Is.Empty, $"{Path.GetFileName(page)}: inline script");
            }

            Assert.That(html, Does.Not.Match(@"\son[a-z]+\s*="), $"{Path.GetFileName(page)}: inline event handler");
        }
    }

    [TestCase("/", "operator")]
    [TestCase("/responder.html", "responder")]
    [TestCase("/desk.html", "handler")]
    [TestCase("/supervisor.html", "supervisor")]
    public async Task Pages_RunUnderThePolicyWithoutAViolation(string path, string user)
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            var violations = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    violations.Add(message.Text);
                }
            };
            await Browser.SignInAsync(page, running.Address, path, user);
            Assert.That(violations, Is.Empty);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Test]
    public async Task SwaggerUi_StillDrawsTheApiUnderItsOwnPolicy()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            var violations = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    violations.Add(message.Text);
                }
            };
            await page.GotoAsync(new Uri(running.Address, "/swagger/index.html").ToString());
            await Assertions.Expect(page.Locator(".opblock").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
            Assert.That(violations, Is.Empty);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [GeneratedRegex(@"<script(?<attributes>[^>]*)>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
