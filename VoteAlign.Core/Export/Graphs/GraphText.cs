using System.Globalization;
using System.Text;
using System.Xml;

namespace VoteAlign.Core.Export.Graphs;

/// <summary>Formatting shared by the graph writers: invariant numbers (doubles in their shortest round-trip form),
/// XML-safe text and NMTOKEN ids.</summary>
internal static class GraphText
{
    public static string Value(object value) => value switch
    {
        double d => Double(d),
        float f => Double(f),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public static string Double(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A double as <see cref="Double"/> writes it, in UTF-8 (false when <paramref name="utf8"/> is too short).</summary>
    public static bool TryFormatUtf8(double d, Span<byte> utf8, out int written) => d.TryFormat(utf8, out written, "R", CultureInfo.InvariantCulture);

    /// <summary>An int as <see cref="Value"/> writes it, in UTF-8 (false when <paramref name="utf8"/> is too short).</summary>
    public static bool TryFormatUtf8(int i, Span<byte> utf8, out int written) => i.TryFormat(utf8, out written, default, CultureInfo.InvariantCulture);

    /// <summary>Replaces characters XML 1.0 cannot carry (C0 controls other than tab, LF and CR; lone surrogates;
    /// U+FFFE, U+FFFF) with U+FFFD. Everything else, emoji and any script included, is kept.</summary>
    public static string Xml(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = true;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }

                ok = false;
            }
            else if (char.IsLowSurrogate(c) || !XmlConvert.IsXmlChar(c))
            {
                ok = false;
            }

            if (!ok && sb is null) sb = new StringBuilder(text, 0, i, text.Length);
            sb?.Append(ok ? c : '\uFFFD');
        }

        return sb?.ToString() ?? text;
    }

    /// <summary>A node id made from an input id, the same in every format: the id itself when it is an XML name token
    /// (as <c>jess-barnard</c> or <c>M0001</c> are), otherwise each other character written as <c>_xHHHH_</c>
    /// (<see cref="XmlConvert.EncodeNmToken"/>, which also escapes a literal <c>_x</c>, so distinct ids stay distinct
    /// and <see cref="XmlConvert.DecodeName"/> gives the input id back).</summary>
    public static string NodeId(string id) => id.Length == 0 ? "_" : XmlConvert.EncodeNmToken(id)!;

    /// <summary>Text usable where XML wants an NMTOKEN (GraphML ids, key ids, attribute names): unchanged when it
    /// already is one (so a <see cref="NodeId"/> is kept as it is), else encoded as <see cref="NodeId"/> does.</summary>
    public static string NmToken(string text)
    {
        if (text.Length == 0) return "_";
        try
        {
            return XmlConvert.VerifyNMTOKEN(text);
        }
        catch (XmlException)
        {
            return XmlConvert.EncodeNmToken(text)!;
        }
    }
}
