using Microsoft.Playwright;

namespace Dispatch.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright; never a downloaded browser.</summary>
public static class Browser
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
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

    /// <summary>A test artefact and the README's picture: also copied to docs/screenshots/&lt;name&gt;.png, overwritten.</summary>
    public static async Task SaveDocScreenshotAsync(IPage page, string name)
    {
        var path = await ScreenshotAsync(page, name);
        File.Copy(path, TestEnvironment.RepoFile(Path.Combine("docs", "screenshots", name + ".png")), overwrite: true);
    }
}
