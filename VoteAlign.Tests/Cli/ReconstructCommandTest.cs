using System.Globalization;
using System.Text.RegularExpressions;
using VoteAlign.Core.Data;
using VoteAlign.Core.Ingest;
using VoteAlign.Core.Model;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Cli;

/// <summary><c>reconstruct</c> on the NEC data set prints, after its summary, the blocs and every motion's split,
/// each saying how much of it is evidence and how much inferred.</summary>
public class ReconstructCommandTest
{
    [Test]
    public void Reconstruct_Nec_PrintsBlocsAndSplitsWithEvidenceAndInferredCounts()
    {
        using var temp = new TempDir();
        var (code, stdout, err) = CliRunner.Run("reconstruct", "-o", temp.File("r.json"), "--samples", "20", "--burn-in", "10");
        Assert.That(code, Is.EqualTo(0), err);

        // The evidence cells of the data set, counted here from the records: every known cell of its matrix.
        Dataset data;
        using (var reader = BundledData.OpenNec()) data = Dataset.FromRecords("nec", RecordFileReader.Read(reader, "nec").Records);
        var known = 0;
        for (var i = 0; i < data.Matrix.MemberCount; i++)
            for (var j = 0; j < data.Matrix.MotionCount; j++)
                if (data.Matrix[i, j] is not null) known++;

        Assert.That(stdout, Does.Contain("Blocs by spectral"));
        Assert.That(stdout, Does.Contain($"{known:N0} of "), "the blocs say how many cells they rest on");
        var rows = Regex.Matches(stdout, @"^\S+\s+\S+(?: \S+)?\s+\S+\s+\S+\s+\S+\s+(\d+)\s+(\d+)\s{2}\S", RegexOptions.Multiline);
        Assert.That(rows, Has.Count.EqualTo(data.Motions.Length), "one split line per motion, with known and inferred counts");
        var totals = Regex.Match(stdout, @"infer = filled in by the reconstruction: ([\d,]+) known, ([\d,]+) inferred");
        Assert.That(totals.Success, Is.True, stdout);
        var knownTotal = int.Parse(totals.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var inferredTotal = int.Parse(totals.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.That(knownTotal, Is.EqualTo(known), "every evidence cell is counted as known, none as inferred");
        Assert.That(rows.Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)), Is.EqualTo(knownTotal));
        Assert.That(rows.Sum(m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)), Is.EqualTo(inferredTotal));
    }

    [Test]
    public void Reconstruct_SummaryOnly_PrintsNoBlocsOrSplits()
    {
        using var temp = new TempDir();
        var (code, stdout, err) = CliRunner.Run("reconstruct", "-o", temp.File("r.json"), "--samples", "4", "--burn-in", "2", "--summary-only");
        Assert.That(code, Is.EqualTo(0), err);
        Assert.That(stdout, Does.Contain("Reconstructed"));
        Assert.That(stdout, Does.Not.Contain("Blocs by"));
        Assert.That(stdout, Does.Not.Contain("infer = "));
    }

    [Test]
    public void Reconstruct_AReconstructedFile_ReplacesItsInferredCellsInsteadOfAddingMore()
    {
        using var temp = new TempDir();
        var (code, _, err) = CliRunner.Run("reconstruct", "-o", temp.File("once.json"), "--samples", "4", "--burn-in", "2", "--summary-only");
        Assert.That(code, Is.EqualTo(0), err);
        (code, _, err) = CliRunner.Run("reconstruct", temp.File("once.json"), "-o", temp.File("twice.json"), "--samples", "4", "--burn-in", "2");
        Assert.That(code, Is.EqualTo(0), err);

        RecordSet Load(string name)
        {
            using var reader = new StreamReader(temp.File(name));
            return RecordFileReader.Read(reader, name).Records;
        }

        var once = Load("once.json");
        var twice = Load("twice.json");
        Assert.That(twice.Positions.GroupBy(p => (p.Member, p.Motion)).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "no cell written twice");
        // The same cells are known or filled: forced cells of the first run are kept as evidence, the rest inferred again.
        Assert.That(twice.Positions.Select(p => (p.Member, p.Motion)).ToHashSet().SetEquals(once.Positions.Select(p => (p.Member, p.Motion))), Is.True);
    }
}
