using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using VoteAlign.Core.Export.Graphs;
using VoteAlign.Core.Ingest;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Export;

/// <summary>Names and titles carrying markup, formulas, quotes and control characters, through the CLI into every
/// output format, each read back by a parser of that format: GraphML and GEXF by <see cref="XmlReader"/>, DOT by its
/// quoting rules (and by Graphviz where installed), JSON by a JSON parser, CSV by an RFC 4180 parser. Each must read
/// back as the input, changed only as documented: characters XML 1.0 cannot carry become U+FFFD; in DOT a line
/// feed is the escape <c>\n</c>, a carriage return is dropped and other control characters become U+FFFD; a CSV
/// cell that a spreadsheet would run as a formula gets a leading apostrophe. (HTML is tested with the HTML report.)</summary>
public class InjectionTest
{
    /// <summary>The hostile texts; member <c>h{i}</c> is named <c>Hostile[i]</c> and motion <c>x{i}</c> titled with it.</summary>
    private static readonly string[] Hostile =
    [
        "<script>alert(1)</script>",
        "\"quoted\" and 'single'",
        "a & b &amp; &lt;c&gt;",
        "end ]]> of CDATA",
        "=HYPERLINK(\"http://x\",\"click\")",
        "+1",
        "-1",
        "+44 20 7946 0000",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
        "control \u0001\u0007\u001B[31m red \u007F",
        "two\nlines",
        "crlf\r\nline",
        "xml -- comment --> <!-- x -->",
        "dot \"; node [shape=box] \"x\" -- \"y\"; //",
        "back\\slash \\\" and \\n",
        "{braces} [brackets] <angles>",
        "Øyvind 東京 🚀 \u202Eright-to-left",
        "\uFEFFbom",
    ];

    // One id that is not an XML name token, to check ids survive too.
    private const string HostileId = "id <&\"> x";

    private static readonly Lazy<(TempDir Dir, string Records)> Data = new(Write);

    [OneTimeTearDown]
    public void TearDown()
    {
        if (Data.IsValueCreated) Data.Value.Dir.Dispose();
    }

    private static (TempDir, string) Write()
    {
        var temp = new TempDir();
        var members = new JArray();
        var motions = new JArray();
        var positions = new JArray();
        var ids = Enumerable.Range(0, Hostile.Length).Select(i => $"h{i}").Append(HostileId).ToList();
        for (var i = 0; i < ids.Count; i++)
            members.Add(new JObject { ["id"] = ids[i], ["name"] = i < Hostile.Length ? Hostile[i] : "Hostile Id" });
        for (var j = 0; j < Hostile.Length; j++)
        {
            motions.Add(new JObject { ["id"] = $"x{j}", ["meeting"] = "2024-01-01", ["title"] = Hostile[j], ["kind"] = "motion" });
            // Two camps that swap on some motions, so every member votes, pairs agree and disagree, and blocs form.
            for (var i = 0; i < ids.Count; i++)
                positions.Add(new JObject { ["member"] = ids[i], ["motion"] = $"x{j}", ["vote"] = ((i % 2 == 0) ^ (j % 3 == 0) ^ (i * j % 5 == 0)) ? "for" : "against", ["basis"] = "recorded" });
        }

        var root = new JObject
        {
            ["format"] = "votealign/1",
            ["members"] = members,
            ["meetings"] = new JArray(new JObject { ["id"] = "2024-01-01", ["date"] = "2024-01-01" }),
            ["motions"] = motions,
            ["positions"] = positions,
        };
        var path = temp.File("hostile.json");
        File.WriteAllText(path, root.ToString());
        return (temp, path);
    }

    private static string Output(string name, params string[] args)
    {
        var (temp, records) = Data.Value;
        var path = temp.File(name);
        var (code, _, err) = CliRunner.Run([.. args.Take(1), records, .. args.Skip(1), "-o", path]);
        Assert.That(code, Is.EqualTo(0), err);
        return path;
    }

    /// <summary>What XML 1.0 can carry: the documented U+FFFD for each character it cannot (C0 controls other
    /// than tab, LF and CR; U+FFFE/U+FFFF). A CR survives: the writer escapes it as <c>&amp;#xD;</c>, which a parser
    /// does not normalise to LF as it would a raw one.</summary>
    private static string AsXmlReadsIt(string s) =>
        string.Concat(s.Select(c => c is '\t' or '\n' or '\r' || c >= ' ' && c is not ('\uFFFE' or '\uFFFF') ? c : '\uFFFD'));

    /// <summary>The documented DOT rule: LF as <c>\n</c>, CR dropped, other control characters as U+FFFD.</summary>
    private static string AsDotCarriesIt(string s) =>
        string.Concat(s.Where(c => c != '\r').Select(c => c != '\n' && char.IsControl(c) ? '\uFFFD' : c));

    /// <summary>The documented CSV rule: a leading apostrophe on a cell starting with = + - @, tab or CR that is
    /// not a plain number.</summary>
    private static string AsCsvNeutralisesIt(string s) =>
        s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out _) ? "'" + s : s;

    [Test]
    public void GraphML_HostileNamesAndIds_ParseAsXmlAndReadBack()
    {
        var doc = LoadXml(Output("g.graphml", "graph", "--format", "graphml"));
        XNamespace g = GraphMLWriter.Namespace;
        var labelKey = doc.Descendants(g + "key").Single(k => (string?)k.Attribute("attr.name") == "label" && (string?)k.Attribute("for") == "node").Attribute("id")!.Value;
        var labels = doc.Descendants(g + "node").ToDictionary(
            n => XmlConvert.DecodeName(n.Attribute("id")!.Value),
            n => n.Elements(g + "data").Single(d => (string?)d.Attribute("key") == labelKey).Value);
        Assert.Multiple(() =>
        {
            for (var i = 0; i < Hostile.Length; i++) Assert.That(labels[$"h{i}"], Is.EqualTo(AsXmlReadsIt(Hostile[i])), $"h{i}");
            Assert.That(labels, Does.ContainKey(HostileId));
        });
    }

    [Test]
    public void Gexf_HostileNamesAndIds_ParseAsXmlAndReadBack()
    {
        var doc = LoadXml(Output("g.gexf", "graph", "--format", "gexf"));
        XNamespace x = GexfWriter.Namespace;
        var labels = doc.Descendants(x + "node").ToDictionary(n => XmlConvert.DecodeName(n.Attribute("id")!.Value), n => n.Attribute("label")!.Value);
        Assert.Multiple(() =>
        {
            for (var i = 0; i < Hostile.Length; i++) Assert.That(labels[$"h{i}"], Is.EqualTo(AsXmlReadsIt(Hostile[i])), $"h{i}");
            Assert.That(labels, Does.ContainKey(HostileId));
        });
    }

    [Test]
    public void GraphML_BipartiteGraph_HostileMotionTitlesReadBack()
    {
        var doc = LoadXml(Output("b.graphml", "graph", "--kind", "bipartite", "--format", "graphml"));
        var text = doc.Descendants().Where(e => !e.HasElements).Select(e => e.Value).ToHashSet(StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            foreach (var title in Hostile) Assert.That(text, Does.Contain(AsXmlReadsIt(title)), title);
        });
    }

    [Test]
    public void Dot_HostileNames_ReadBackByDotQuotingRules()
    {
        var dot = File.ReadAllText(Output("g.dot", "graph", "--format", "dot"));
        // Every quoted string: \" is a quote, \\ a backslash, \n a line feed, and Graphviz reads &amp; as &.
        var strings = Regex.Matches(dot, "\"((?:[^\"\\\\]|\\\\.)*)\"").Select(m => Unquote(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            foreach (var name in Hostile) Assert.That(strings, Does.Contain(AsDotCarriesIt(name)), name);
            Assert.That(strings, Does.Contain(HostileId));
            // No statement breaks out of its string: outside strings, only DOT's own syntax remains.
            var outside = Regex.Replace(dot, "\"(?:[^\"\\\\]|\\\\.)*\"", "S");
            Assert.That(outside, Does.Not.Contain("shape=box").And.Not.Contain("<script>").And.Not.Contain("//"));
        });
    }

    [Test]
    public void Dot_HostileNames_RenderWithGraphviz()
    {
        var dotFile = Output("r.dot", "graph", "--format", "dot");
        var svg = Path.ChangeExtension(dotFile, ".svg");
        System.Diagnostics.Process process;
        try
        {
            process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dot", ["-Tsvg", dotFile, "-o", svg]) { RedirectStandardError = true })!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("Graphviz's dot is not installed here (Debian: apt-get install graphviz; .ci/run installs it).");
            return;
        }

        using var _ = process;
        var err = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0), err);
        // The SVG is XML: the name is escaped there too, and an XML parser reads it back.
        var titles = LoadXml(svg, DtdProcessing.Ignore).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.That(titles, Does.Contain("<script>alert(1)</script>"));
    }

    [Test]
    public void Json_GraphAnalyzeAndSplits_HostileNamesReadBackExactly()
    {
        var graph = JObject.Parse(File.ReadAllText(Output("g.json", "graph", "--format", "json")));
        var graphLabels = graph["nodes"]!.Select(n => (string?)n["label"]).ToHashSet(StringComparer.Ordinal);
        var analyze = File.ReadAllText(Output("a.json", "analyze", "--format", "json"));
        var splits = File.ReadAllText(Output("s.json", "splits", "--format", "json"));
        var strings = new[] { analyze, splits }.SelectMany(t => JToken.Parse(t).SelectTokens("$..*").OfType<JValue>()).Select(v => v.Value as string).ToHashSet(StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            foreach (var name in Hostile)
            {
                Assert.That(graphLabels, Does.Contain(name), name);
                Assert.That(strings, Does.Contain(name), name);
            }
        });
    }

    [Test]
    public void Csv_BlocsScaleSplitsAndExport_HostileCellsNeutralisedAndReadBack()
    {
        var cells = new[]
            {
                Output("b.csv", "blocs", "--format", "csv"),
                Output("sc.csv", "scale", "--format", "csv"),
                Output("sp.csv", "splits", "--format", "csv"),
            }
            .SelectMany(Cells)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            foreach (var name in Hostile)
            {
                Assert.That(cells, Does.Contain(AsCsvNeutralisesIt(name)), name);
                if (AsCsvNeutralisesIt(name) != name) Assert.That(cells, Does.Not.Contain(name), "the raw formula is never a cell: " + name);
            }

            // A plain number stays a number.
            Assert.That(AsCsvNeutralisesIt("-1"), Is.EqualTo("-1"));
            Assert.That(cells.Where(c => c.Length > 0 && c[0] is '=' or '+' or '@' && !double.TryParse(c, System.Globalization.CultureInfo.InvariantCulture, out _)), Is.Empty,
                "no cell starts a formula");
        });
    }

    [Test]
    public void Markdown_ReviewOfAHostileReport_CarriesNoTagAndStaysOneLinePerItem()
    {
        var (temp, _) = Data.Value;
        var report = temp.File("hostile-report.txt");
        File.WriteAllText(report, "NEC Report - 3 March 2024\n\nThe motion on <script>alert(1)</script> *rules* was carried by 20 votes to 10.\n");
        var review = temp.File("review.md");
        var (code, _, err) = CliRunner.Run("extract", report, "--review", review, "-o", temp.File("extracted.json"));
        Assert.That(code, Is.EqualTo(0), err);
        var text = File.ReadAllText(review);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("&lt;script>alert(1)&lt;/script>"), "the quote is there, escaped");
            Assert.That(text, Does.Not.Contain("<script"));
            Assert.That(text, Does.Contain("\\*rules\\*"), "emphasis markers escaped");
        });
    }

    private static IEnumerable<string> Cells(string path)
    {
        var parser = new CsvParser(new StringReader(File.ReadAllText(path)), path);
        var cells = new List<string>();
        while (parser.Read())
            for (var i = 0; i < parser.FieldCount; i++) cells.Add(parser.Field(i).ToString());
        return cells;
    }

    // A strict reader: every character checked, and no DTD (Graphviz's SVG declares one, which is ignored).
    private static XDocument LoadXml(string path, DtdProcessing dtd = DtdProcessing.Prohibit)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = dtd, CheckCharacters = true });
        return XDocument.Load(reader);
    }

    private static string Unquote(string s) =>
        Regex.Replace(s, "\\\\(.)", m => m.Groups[1].Value == "n" ? "\n" : m.Groups[1].Value).Replace("&amp;", "&", StringComparison.Ordinal);
}
