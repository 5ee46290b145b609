using System.Text;

namespace VoteAlign.Core.Data;

/// <summary>Data sets compiled into the library, so the tool runs on real data from any directory.</summary>
public static class BundledData
{
    /// <summary>The display name of the bundled NEC data set in messages.</summary>
    public const string NecName = "fixtures/nec/records.json (bundled)";

    /// <summary>Opens the Labour NEC data set compiled by hand from the seed reports (a <c>votealign/1</c> file).</summary>
    /// <returns>A reader over the JSON text; the caller disposes it.</returns>
    public static TextReader OpenNec()
    {
        var stream = typeof(BundledData).Assembly.GetManifestResourceStream("VoteAlign.Data.nec.records.json")
            ?? throw new InvalidOperationException("The bundled NEC data set is missing from the assembly.");
        return new StreamReader(stream, new UTF8Encoding(false, true));
    }
}
