using System.Globalization;
using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Reliability;

/// <summary>The mutation fuzzer (<see cref="Fuzzer"/>) over the JSON, CSV and text readers: a short run in every
/// test run, the full run of 100,000 cases on demand, and every input that ever failed kept in fixtures/fuzz.</summary>
public class FuzzTest
{
    private const int Seed = 2026;

    [Test]
    public void Fuzz_TwoThousandMutatedInputs_OnlyReadOrRejected() => Check(Fuzzer.Run(Seed, 2_000));

    /// <summary>The full run: <c>VOTEALIGN_FUZZ_CASES</c> sets the count (default 100,000) and
    /// <c>VOTEALIGN_FUZZ_SEED</c> the seed; failing inputs are written to <c>VOTEALIGN_FUZZ_SAVE</c> (default: the
    /// test's work folder, fuzz-failures/), ready to be copied into fixtures/fuzz.</summary>
    [Test]
    [Explicit("100,000 cases take minutes: dotnet test --filter Name=Fuzz_FullRun_OnlyReadOrRejected")]
    public void Fuzz_FullRun_OnlyReadOrRejected()
    {
        var cases = int.Parse(Environment.GetEnvironmentVariable("VOTEALIGN_FUZZ_CASES") ?? "100000", CultureInfo.InvariantCulture);
        var seed = int.Parse(Environment.GetEnvironmentVariable("VOTEALIGN_FUZZ_SEED") ?? "1", CultureInfo.InvariantCulture);
        Check(Fuzzer.Run(seed, cases));
    }

    [Test]
    public void Fuzz_SameSeedAndCase_SameInput()
    {
        var first = Enumerable.Range(0, 50).Select(n => Fuzzer.Case(Seed, n).Input).ToList();
        var again = Enumerable.Range(0, 50).Select(n => Fuzzer.Case(Seed, n).Input).ToList();
        Assert.That(again, Is.EqualTo(first));
        Assert.That(Fuzzer.Case(Seed, 1).Input, Is.Not.EqualTo(Fuzzer.Case(Seed, 2).Input));
    }

    /// <summary>Every input in fixtures/fuzz once crashed or hung a reader (see its README); each must now be read
    /// or rejected as bad input.</summary>
    [Test]
    public void Regressions_EveryInputThatOnceFailed_IsReadOrRejected()
    {
        var files = Directory.GetFiles(Path.Combine(Fixtures.Dir, "fuzz")).Where(f => Fuzzer.TargetOf(f) is not null).Order(StringComparer.Ordinal).ToList();
        Assert.Multiple(() =>
        {
            foreach (var file in files)
                Assert.That(() => Fuzzer.Read(Fuzzer.TargetOf(file)!.Value, File.ReadAllBytes(file)), Throws.Nothing, Path.GetFileName(file));
        });
        TestContext.Out.WriteLine($"{files.Count} regression inputs");
    }

    private static void Check(Fuzzer.Summary summary)
    {
        TestContext.Progress.WriteLine($"fuzz: {summary}");
        TestContext.Out.WriteLine($"fuzz: {summary}");
        if (summary.Failures.Count > 0)
        {
            var folder = Environment.GetEnvironmentVariable("VOTEALIGN_FUZZ_SAVE") ?? Path.Combine(TestContext.CurrentContext.WorkDirectory, "fuzz-failures");
            foreach (var path in Fuzzer.Save(summary.Failures, folder)) TestContext.Out.WriteLine($"saved {path}");
        }

        Assert.That(summary.Failures.Select(f => $"case {f.Case} ({f.Target}): {f.What}"), Is.Empty);
    }
}
