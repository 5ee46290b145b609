using VoteAlign.Core.Ingest;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Cli;

public class ValidateCommandTest
{
    // validate counts a roll call from its matrix (a 1 GB file would otherwise become one record per vote): the
    // counts must be those of the record set the same file gives.
    [Test]
    public void Validate_RollCallCsv_CountsWhatTheRecordSetHolds()
    {
        var path = Path.Combine(Fixtures.Dir, "csv", "votes.csv");
        RollCall roll;
        using (var reader = File.OpenText(path)) roll = RollCallCsvReader.Read(reader, path);
        var records = roll.ToRecordSet();
        var (code, stdout, err) = CliRunner.Run("validate", path);
        Assert.That(code, Is.EqualTo(0), err);
        Assert.That(records.Positions, Is.Not.Empty);
        Assert.That(stdout.Trim(), Is.EqualTo(
            $"{path}: valid ({records.Members.Length} members, {records.Meetings.Length} meetings, {records.Motions.Length} motions, {records.Positions.Length} positions, 0 warnings)."));
    }
}
