using System.Globalization;
using Microsoft.Playwright;
using VoteAlign.Core.Data;
using VoteAlign.Core.Ingest;
using VoteAlign.Core.Model;
using VoteAlign.Tests.Export;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Browser;

/// <summary>The HTML report opened in Debian's chromium (headless, through Playwright): every section is there, a
/// heatmap cell read on hover matches agreement counted from the votes, the splits table sorts, nothing is requested
/// from the network, hostile names stay text. Screenshots go to the test's work folder under report-screenshots/.
/// Skipped, with the reason, where /usr/bin/chromium is missing (.ci/run installs it).</summary>
[Category("Browser")]
[NonParallelizable]
public sealed class ReportBrowserTest
{
    private const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private TempDir? _dir;

    private static string Shots => Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-screenshots");

    [OneTimeSetUp]
    public async Task StartBrowser()
    {
        if (!File.Exists(Chromium)) Assert.Ignore($"{Chromium} is missing (apt-get install chromium; .ci/run does): the browser tests are skipped.");
        _dir = new TempDir();
        Directory.CreateDirectory(Shots);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    [OneTimeTearDown]
    public async Task StopBrowser()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _dir?.Dispose();
    }

    /// <summary>A page on the report, recording every request and every script error.</summary>
    private async Task<(IPage Page, List<string> Requests, List<string> Errors)> Open(string html, int width = 1280)
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var requests = new List<string>();
        var errors = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync(new Uri(html).AbsoluteUri);
        return (page, requests, errors);
    }

    private static void AssertOffline(string html, List<string> requests)
    {
        Assert.That(requests, Is.Not.Empty, "the page's own load is seen");
        Assert.That(requests, Has.All.Matches<string>(u => u == new Uri(html).AbsoluteUri || u.StartsWith("data:", StringComparison.Ordinal)),
            "only the file itself (and data: URLs) is requested: " + string.Join(", ", requests));
    }

    private static async Task AssertSections(IPage page, bool timeline)
    {
        foreach (var id in new[] { "overview", "heatmap", "network", "map", "splits" })
            Assert.That(await page.Locator($"#{id}").IsVisibleAsync(), Is.True, $"section {id}");
        Assert.That(await page.Locator("#timeline").CountAsync(), Is.EqualTo(timeline ? 1 : 0), "timeline only with --window");
        Assert.That(await page.Locator("#network-svg .node").CountAsync(), Is.GreaterThan(1), "the network has members");
        Assert.That(await page.Locator("#map-svg .node").CountAsync(), Is.GreaterThan(1), "the map has members");
        Assert.That(await page.Locator("#ideal-svg .node").CountAsync(), Is.GreaterThan(1), "the ideal points are drawn");
        Assert.That(await page.Locator("#splits-table tbody tr").CountAsync(), Is.GreaterThan(0), "the splits table has rows");
    }

    /// <summary>Hovers heatmap cell (i, j) (drawing order) and checks what the page shows against agreement counted from
    /// <paramref name="matrix"/>; returns the readout text.</summary>
    private static async Task<string> HoverAndCheck(IPage page, VoteMatrix matrix, int i, int j)
    {
        var canvas = page.Locator("#heat");
        var cell = int.Parse(await canvas.GetAttributeAsync("data-cell") ?? "0", CultureInfo.InvariantCulture);
        var offset = int.Parse(await canvas.GetAttributeAsync("data-offset") ?? "0", CultureInfo.InvariantCulture);
        var width = await page.EvaluateAsync<double>("() => document.getElementById('heat').width");
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = (await canvas.BoundingBoxAsync())!;
        var k = box.Width / width;
        await page.Mouse.MoveAsync((float)(box.X + (offset + (j + 0.5) * cell) * k), (float)(box.Y + (offset + (i + 0.5) * cell) * k));
        var readout = page.Locator("#heat-readout");
        var text = await readout.TextContentAsync() ?? "";
        var a = new MemberId(await readout.GetAttributeAsync("data-a") ?? "");
        var b = new MemberId(await readout.GetAttributeAsync("data-b") ?? "");
        var members = await page.EvaluateAsync<string[]>("() => JSON.parse(document.getElementById('va-data').textContent).members.map(m => m[0])");
        Assert.That((a.Value, b.Value), Is.EqualTo((members[i], members[j])), "the hovered cell is the pair in that row and column");
        var (shared, same) = ReportPage.Count(matrix, a, b);
        if (shared == 0)
        {
            Assert.That(text, Does.Contain("no shared vote"));
            return text;
        }

        var shown = System.Text.RegularExpressions.Regex.Match(text, @"agreement (\d+\.\d)% on (\d+) shared vote");
        Assert.That(shown.Success, Is.True, text);
        Assert.That(double.Parse(shown.Groups[1].Value, CultureInfo.InvariantCulture), Is.EqualTo(100.0 * same / shared).Within(0.051), text);
        Assert.That(int.Parse(shown.Groups[2].Value, CultureInfo.InvariantCulture), Is.EqualTo(shared), text);
        return text;
    }

    /// <summary>Clicks the margin heading twice and checks the visible rows are in ascending, then descending order,
    /// with unknown margins last either way.</summary>
    private static async Task SortByMarginAndCheck(IPage page)
    {
        foreach (var (direction, sign) in new[] { ("ascending", 1), ("descending", -1) })
        {
            await page.Locator("#splits-table th[data-key=margin] button").ClickAsync();
            Assert.That(await page.Locator("#splits-table th[data-key=margin]").GetAttributeAsync("aria-sort"), Is.EqualTo(direction));
            var cells = await page.Locator("#splits-table tbody td.margin").AllTextContentsAsync();
            var values = cells.Select(c => c == "—" ? (int?)null : int.Parse(c, CultureInfo.InvariantCulture)).ToList();
            var known = values.TakeWhile(v => v is not null).Select(v => sign * v!.Value).ToList();
            Assert.That(known, Is.Ordered, $"margins {direction}");
            Assert.That(values.Skip(known.Count), Has.All.Null, "unknown margins last");
            Assert.That(known, Is.Not.Empty);
        }
    }

    private static async Task Screenshots(IPage page, string name, bool fullPage = true)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"{name}-{(fullPage ? "full" : "top")}.png"), FullPage = fullPage });
        await page.Locator("#heatmap").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Shots, $"{name}-heatmap.png") });
        await page.Locator("#network").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Shots, $"{name}-network.png") });
        await page.Locator("#map").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Shots, $"{name}-map.png") });
        // The top of the splits section: a whole page of rows is too tall to read in one picture.
        await page.Locator("#splits").ScrollIntoViewIfNeededAsync();
        var box = (await page.Locator("#splits").BoundingBoxAsync())!;
        var scrolled = await page.EvaluateAsync<double>("() => window.scrollY");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"{name}-splits.png"), FullPage = true,
            Clip = new Clip { X = box.X, Y = box.Y + (float)scrolled, Width = box.Width, Height = Math.Min(box.Height, 1100) } });
    }

    [Test]
    public async Task Nec_EverySection_HoverSortOffline()
    {
        var html = _dir!.File("nec.html");
        var (code, _, stderr) = CliRunner.Run("report", "-o", html, "--window", "year");
        Assert.That(code, Is.EqualTo(0), stderr);
        var (page, requests, errors) = await Open(html);
        await AssertSections(page, timeline: true);
        using var bundled = BundledData.OpenNec();
        var matrix = Dataset.FromRecords("nec", RecordFileReader.Read(bundled, BundledData.NecName).Records).Matrix;
        // Gemma Bolton and Mish Rahman head the bundled set's pairs by shared votes; and a pair across the blocs.
        var n = await page.EvaluateAsync<int>("() => JSON.parse(document.getElementById('va-data').textContent).members.length");
        await HoverAndCheck(page, matrix, 0, 1);
        await HoverAndCheck(page, matrix, 0, n - 1);
        await Screenshots(page, "nec");
        await SortByMarginAndCheck(page);
        await page.Locator("#splits-table tbody details summary").First.ClickAsync();
        Assert.That(await page.Locator("#splits-table tbody details[open] blockquote").First.TextContentAsync(), Is.Not.Empty, "a source is quoted");
        await page.Locator("#splits-table tbody tr").First.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Shots, "nec-splits-sorted-first-row.png") });
        await page.SetViewportSizeAsync(400, 900);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "nec-narrow-top.png") });
        await page.Locator("#network").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Shots, "nec-narrow-network.png") });
        await page.Locator("#splits-table").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "nec-narrow-splits.png") });
        Assert.That(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), Is.True, "no sideways scroll at 400 px");
        AssertOffline(html, requests);
        Assert.That(errors, Is.Empty, "no script error");
    }

    [Test]
    public async Task Chamber450_EverySection_HoverSortOffline()
    {
        var votes = _dir!.File("c450.csv");
        var html = _dir.File("c450.html");
        Assert.That(CliRunner.Run("simulate", "-n", "450", "-m", "240", "-k", "4", "--dims", "2", "--seed", "5", "-o", votes, "--members-out", _dir.File("c450-members.csv")).Code, Is.EqualTo(0));
        var (code, _, stderr) = CliRunner.Run("report", votes, "--members", _dir.File("c450-members.csv"), "-o", html, "--window", "80");
        Assert.That(code, Is.EqualTo(0), stderr);
        var (page, requests, errors) = await Open(html);
        await AssertSections(page, timeline: true);
        var matrix = VoteAlign.Cli.Io.InputLoader.ReadRollCall(votes, _dir.File("c450-members.csv"), null).Matrix;
        await HoverAndCheck(page, matrix, 10, 400);
        await HoverAndCheck(page, matrix, 200, 201);
        // The whole page of a large chamber is tens of thousands of pixels tall: its top, and each section, are shot instead.
        await Screenshots(page, "c450", fullPage: false);
        await SortByMarginAndCheck(page);
        await page.SetViewportSizeAsync(400, 900);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "c450-narrow.png") });
        AssertOffline(html, requests);
        Assert.That(errors, Is.Empty, "no script error");
    }

    [Test]
    public async Task HostileNames_AreShownAsText_NeverRun()
    {
        HtmlReportTest.WriteHostileRollCall(_dir!);
        var html = _dir!.File("hostile.html");
        var (code, _, stderr) = CliRunner.Run("report", _dir.File("votes.csv"), "--members", _dir.File("members.csv"), "--motions", _dir.File("motions.csv"), "-o", html);
        Assert.That(code, Is.EqualTo(0), stderr);
        var (page, requests, errors) = await Open(html);
        Assert.That(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"), Is.True, "no injected script ran");
        Assert.That(await page.Locator("b").CountAsync(), Is.EqualTo(0), "no injected markup");
        Assert.That(await page.Locator("#network-svg .labels text").AllTextContentsAsync(), Does.Contain(HtmlReportTest.Hostile + " 1"));
        Assert.That(await page.Locator("#splits-table tbody td.title").AllTextContentsAsync(), Does.Contain(HtmlReportTest.Hostile + " motion"));
        var text = await HoverAndCheck(page, VoteAlign.Cli.Io.InputLoader.ReadRollCall(_dir.File("votes.csv"), _dir.File("members.csv"), null).Matrix, 0, 5);
        Assert.That(text, Does.StartWith(HtmlReportTest.Hostile));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "hostile-full.png"), FullPage = true });
        AssertOffline(html, requests);
        Assert.That(errors, Is.Empty, "no script error");
    }
}
