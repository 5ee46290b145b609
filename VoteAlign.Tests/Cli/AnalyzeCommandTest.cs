using Newtonsoft.Json.Linq;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Cli;

public class AnalyzeCommandTest
{
    private static JObject RawNec() => JObject.Parse(File.ReadAllText(Fixtures.Nec));

    [Test]
    public void Analyze_NoInput_SummarisesTheBundledNecDataSet()
    {
        var (code, stdout, _) = CliRunner.Run("analyze");
        var raw = RawNec();
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Does.StartWith("Labour NEC: what the data holds"));
        Assert.That(stdout, Does.Contain($"motions        {((JArray)raw["motions"]!).Count}:"));
        Assert.That(stdout, Does.Contain($"{((JArray)raw["members"]!).Count} on the roster"));
        // Seed 000 line 24: "losing 15-14 on a move to withdraw the paper, and 16-12 on the paper itself".
        Assert.That(stdout, Does.Contain("14-15     margin 1"));
        Assert.That(stdout, Does.Contain("losing 15-14 on a move to withdraw the paper"));
        Assert.That(stdout, Does.Contain("Agreement on evidence alone"));
    }

    [Test]
    public void Analyze_Json_CountsMatchTheFileAndListsAreOrdered()
    {
        var (code, stdout, _) = CliRunner.Run("analyze", "--format", "json", "--pairs", "1000", "--closest", "1000");
        Assert.That(code, Is.EqualTo(0));
        var json = JObject.Parse(stdout);
        var raw = RawNec();
        var motions = (JArray)raw["motions"]!;
        Assert.Multiple(() =>
        {
            Assert.That((int)json["summary"]!["motions"]!, Is.EqualTo(motions.Count));
            Assert.That((int)json["summary"]!["members"]!, Is.EqualTo(((JArray)raw["members"]!).Count));
            var positions = (JArray)raw["positions"]!;
            foreach (var basis in new[] { "self", "attributed", "recorded", "forced", "inferred" })
                Assert.That((int)json["summary"]!["positionsByBasis"]![basis]!, Is.EqualTo(positions.Count(p => (string)p["basis"]! == basis)), basis);
            // "group" counts members named in a group statement (with no count smaller than the names) who have no
            // named position of their own on that motion.
            var named = positions.Select(p => ((string)p["member"]!, (string)p["motion"]!)).ToHashSet();
            var resolved = new HashSet<(string, string)>();
            foreach (var g in (JArray)raw["groupPositions"]!)
            {
                var ids = g["members"] is JArray a ? a.Select(x => (string)x!).ToList() : [];
                if (ids.Count == 0 || (g["count"] is { Type: JTokenType.Integer } c && (int)c < ids.Count)) continue;
                foreach (var id in ids)
                    if (!named.Contains((id, (string)g["motion"]!))) resolved.Add((id, (string)g["motion"]!));
            }

            Assert.That((int)json["summary"]!["positionsByBasis"]!["group"]!, Is.EqualTo(resolved.Count), "group");
            var fullTallies = motions.Count(m => m["tally"] is JObject t && t["for"]!.Type == JTokenType.Integer && t["against"]!.Type == JTokenType.Integer);
            Assert.That(((JArray)json["closestVotes"]!).Count, Is.EqualTo(fullTallies));
            var margins = json["closestVotes"]!.Select(c => (int)c["margin"]!).ToList();
            Assert.That(margins, Is.Ordered);
            foreach (var c in json["closestVotes"]!)
                Assert.That((int)c["margin"]!, Is.EqualTo(Math.Abs((int)c["tally"]!["for"]! - (int)c["tally"]!["against"]!)));
            var shared = json["topPairs"]!.Select(p => (int)p["shared"]!).ToList();
            Assert.That(shared, Is.Ordered.Descending);
            foreach (var p in json["topPairs"]!)
            {
                Assert.That((double)p["agreement"]!, Is.EqualTo((double)(int)p["same"]! / (int)p["shared"]!).Within(1e-12));
                Assert.That((double)p["agreement"]!, Is.InRange(0.0, 1.0));
            }
        });
    }

    [Test]
    public void Analyze_HandComputedCommittee_ReportsTheAgreementCounted()
    {
        // Three members, four motions. a: F F A -, b: F A A F, c: - A F abstain.
        // a~b share motions 1-3, same on 1 and 3: 2/3. b~c share 2-4, same on 2 only: 1/3. a~c share 2-3, same on none: 0/2.
        const string json = """
            {"format":"votealign/1","members":[{"id":"a","name":"A"},{"id":"b","name":"B"},{"id":"c","name":"C"}],
             "meetings":[{"id":"m","date":"2024-01-01"}],
             "motions":[{"id":"1","meeting":"m","title":"One"},{"id":"2","meeting":"m","title":"Two"},{"id":"3","meeting":"m","title":"Three"},{"id":"4","meeting":"m","title":"Four"}],
             "positions":[
              {"member":"a","motion":"1","vote":"for","basis":"recorded"},{"member":"a","motion":"2","vote":"for","basis":"recorded"},{"member":"a","motion":"3","vote":"against","basis":"recorded"},
              {"member":"b","motion":"1","vote":"for","basis":"recorded"},{"member":"b","motion":"2","vote":"against","basis":"recorded"},{"member":"b","motion":"3","vote":"against","basis":"recorded"},{"member":"b","motion":"4","vote":"for","basis":"recorded"},
              {"member":"c","motion":"2","vote":"against","basis":"recorded"},{"member":"c","motion":"3","vote":"for","basis":"recorded"},{"member":"c","motion":"4","vote":"abstain","basis":"recorded"}]}
            """;
        using var temp = new TempDir();
        var path = temp.File("small.json");
        File.WriteAllText(path, json);
        var (code, stdout, err) = CliRunner.Run("analyze", path, "--format", "json");
        Assert.That(code, Is.EqualTo(0), err);
        var pairs = JObject.Parse(stdout)["topPairs"]!.ToDictionary(p => (string)p["memberA"]! + (string)p["memberB"]!, p => ((int)p["shared"]!, (int)p["same"]!));
        Assert.That(pairs, Is.EquivalentTo(new Dictionary<string, (int, int)> { ["ab"] = (3, 2), ["bc"] = (3, 1), ["ac"] = (2, 0) }));
    }

    [Test]
    public void Analyze_TwiceWithOutputFile_WritesIdenticalBytes()
    {
        using var temp = new TempDir();
        var one = temp.File("one.json");
        var two = temp.File("two.json");
        Assert.That(CliRunner.Run("analyze", "-f", "json", "-o", one).Code, Is.EqualTo(0));
        Assert.That(CliRunner.Run("analyze", "-f", "json", "-o", two).Code, Is.EqualTo(0));
        Assert.That(File.ReadAllBytes(two), Is.EqualTo(File.ReadAllBytes(one)));
        Assert.That(Directory.GetFiles(temp.Path), Has.Length.EqualTo(2), "no temporary files left");
    }

    [Test]
    public void Import_ThenAnalyze_UsesTheImportedRollCall()
    {
        using var temp = new TempDir();
        var records = temp.File("records.json");
        var csv = Path.Combine(Fixtures.Dir, "csv");
        var (code, _, err) = CliRunner.Run("import", Path.Combine(csv, "votes.csv"), "--members", Path.Combine(csv, "members.csv"),
            "--motions", Path.Combine(csv, "motions.csv"), "-o", records);
        Assert.That(code, Is.EqualTo(0), err);
        Assert.That(err, Does.Contain("3 members, 3 motions, 6 votes"));
        var (code2, stdout, err2) = CliRunner.Run("analyze", records, "--format", "json");
        Assert.That(code2, Is.EqualTo(0), err2);
        // fixtures/csv/votes.csv: "Smith, Jane" and O"Brien share b1 (Yea / no) and b2 (nay / abstain): 2 shared, 0 same.
        var pair = JObject.Parse(stdout)["topPairs"]!.Single(p => (string)p["memberA"]! == "O\"Brien" && (string)p["memberB"]! == "Smith, Jane");
        Assert.That(((int)pair["shared"]!, (int)pair["same"]!), Is.EqualTo((2, 0)));
    }

    [Test]
    public void Help_ListsEveryCommand()
    {
        var (code, stdout, _) = CliRunner.Run("--help");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Does.Contain("analyze").And.Contain("import").And.Contain("validate"));
    }
}
