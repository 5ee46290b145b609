using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using VoteAlign.Core.Export.Graphs;

namespace VoteAlign.Tests.Support;

/// <summary>The published GraphML and GEXF schemas stored under fixtures/schemas (see its README), compiled with
/// System.Xml.Schema, and validation that returns every error.</summary>
internal static class Schemas
{
    private static readonly Lazy<XmlSchemaSet> GraphMLSet = new(() =>
    {
        var dir = Path.Combine(Fixtures.Dir, "schemas", "graphml");
        var resolver = new LocalResolver(dir, t => t);
        var set = new XmlSchemaSet { XmlResolver = resolver };
        // graphml.xsd redefines http://graphml.graphdrawing.org/xmlns/1.0/graphml-structure.xsd, which imports
        // xlink.xsd relative to it: the resolver serves both from the folder, so nothing is fetched.
        using (var reader = XmlReader.Create(Path.Combine(dir, "graphml.xsd"), new XmlReaderSettings { XmlResolver = resolver, DtdProcessing = DtdProcessing.Prohibit }))
            set.Add(GraphMLWriter.Namespace, reader);
        set.Compile();
        return set;
    });

    private static readonly Lazy<XmlSchemaSet> GexfSet = new(() =>
    {
        var dir = Path.Combine(Fixtures.Dir, "schemas", "gexf-1.2");
        // The stored schema is GEXF 1.2 in namespace http://www.gexf.net/1.2; the files Gephi and networkx read use
        // http://www.gexf.net/1.2draft for the same structure, so the namespace URI is swapped as it is loaded.
        static string Swap(string text) => text.Replace("http://www.gexf.net/1.2", GexfWriter.Namespace, StringComparison.Ordinal);
        var resolver = new LocalResolver(dir, Swap);
        var set = new XmlSchemaSet { XmlResolver = resolver };
        using (var reader = XmlReader.Create(new StringReader(Swap(File.ReadAllText(Path.Combine(dir, "gexf.xsd")))), new XmlReaderSettings { XmlResolver = resolver },
                   new Uri(Path.Combine(dir, "gexf.xsd")).AbsoluteUri))
            set.Add(GexfWriter.Namespace, reader);
        set.Compile();
        return set;
    });

    public static List<string> ValidateGraphML(byte[] document) => Validate(XDocument.Load(new MemoryStream(document)), GraphMLSet.Value);

    /// <summary>Validates the GEXF against the schema with its viz: elements taken out (the schema declares them in the
    /// wrong namespace: see fixtures/schemas/README.md), then checks the viz: elements by hand.</summary>
    public static List<string> ValidateGexf(byte[] document)
    {
        var doc = XDocument.Load(new MemoryStream(document));
        XNamespace viz = GexfWriter.VizNamespace;
        var errors = new List<string>();
        foreach (var node in doc.Descendants(XName.Get("node", GexfWriter.Namespace)))
        {
            var id = (string?)node.Attribute("id");
            var positions = node.Elements(viz + "position").ToList();
            var colors = node.Elements(viz + "color").ToList();
            if (positions.Count > 1 || colors.Count > 1) errors.Add($"node {id}: more than one viz:position or viz:color");
            foreach (var p in positions)
                foreach (var axis in new[] { "x", "y", "z" })
                    if (!float.TryParse((string?)p.Attribute(axis), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                        errors.Add($"node {id}: viz:position {axis} is not a float");
            foreach (var c in colors)
                foreach (var channel in new[] { "r", "g", "b" })
                    if (!int.TryParse((string?)c.Attribute(channel), out var v) || v is < 0 or > 255)
                        errors.Add($"node {id}: viz:color {channel} is not 0..255");
        }

        doc.Descendants().Where(e => e.Name.Namespace == viz).Remove();
        errors.AddRange(Validate(doc, GexfSet.Value));
        return errors;
    }

    private static List<string> Validate(XDocument doc, XmlSchemaSet set)
    {
        var errors = new List<string>();
        doc.Validate(set, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }

    /// <summary>Serves every schema file by its name from one folder, whatever URL it was asked for by.</summary>
    private sealed class LocalResolver(string dir, Func<string, string> transform) : XmlResolver
    {
        public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var file = Path.Combine(dir, Path.GetFileName(absoluteUri.AbsolutePath));
            if (!File.Exists(file)) throw new FileNotFoundException($"Schema {absoluteUri} is not stored under fixtures/schemas.", file);
            return new MemoryStream(Encoding.UTF8.GetBytes(transform(File.ReadAllText(file))));
        }
    }
}
