using Microsoft.Playwright;

namespace Dispatch.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright; never a downloaded browser.</summary>
public static class Browser
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        // What a page must show waits up to 10 s, not Playwright's 5: the full run shares two cores with the servers
        // the tests start, and these waits cover pushes through RabbitMQ and SignalR. A longer wait only slows a test
        // that fails; none of these waits is used to show that something did not happen.
        Assertions.SetDefaultExpectTimeout(10_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        return (playwright, browser);
    }

    /// <summary>
    /// Opens <paramref name="path"/>, signs in through the page's own form as a person would, and waits until the
    /// page's live connection is up, so whatever the test does next is pushed to it.
    /// </summary>
    public static async Task SignInAsync(IPage page, Uri server, string path, string user, string password = Session.DemoPassword)
    {
        await page.GotoAsync(new Uri(server, path).ToString());
        await SubmitSignInAsync(page, user, password);
        await Assertions.Expect(page.Locator("[data-testid=connection-state]"))
            .ToHaveAttributeAsync("data-state", "connected", new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
    }

    /// <summary>Fills in and submits the sign-in form of the page already open (with the demo password unless told).</summary>
    public static async Task SubmitSignInAsync(IPage page, string user, string password = Session.DemoPassword)
    {
        await page.Locator("[data-testid=login-user]").FillAsync(user);
        await page.Locator("[data-testid=login-password]").FillAsync(password);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
        await page.Locator("[data-testid=whoami]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
    }

    /// <summary>A new wide page (a wall display) at <paramref name="path"/>, signed in as <paramref name="user"/> and live.</summary>
    public static async Task<IPage> SignedInPageAsync(IBrowser browser, Uri server, string path, string user, int width = 1600, int height = 900)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        await SignInAsync(page, server, path, user);
        return page;
    }

    /// <summary>Saves a screenshot as a test artefact (attached to the result) and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
        return path;
    }

    /// <summary>
    /// A test artefact that is also one of the README's pictures. A test run leaves tracked files alone: the picture
    /// is copied to the folder in <c>DISPATCH_DOC_SCREENSHOTS</c> only when that is set, as <c>infra/screenshots.sh</c>
    /// does to refresh docs/screenshots.
    /// </summary>
    public static async Task SaveDocScreenshotAsync(IPage page, string name)
    {
        var path = await ScreenshotAsync(page, name);
        if (Environment.GetEnvironmentVariable("DISPATCH_DOC_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.Copy(path, Path.Combine(folder, name + ".png"), overwrite: true);
        }
    }
}
