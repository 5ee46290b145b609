namespace VoteAlign.Tests.Support;

/// <summary>Finds the fixtures copied beside the test assembly.</summary>
internal static class Fixtures
{
    public static string Dir => Path.Combine(TestContext.CurrentContext.TestDirectory, "fixtures");

    public static string Nec => Path.Combine(Dir, "nec", "records.json");

    public static string Seed(string file) => Path.Combine(Dir, "nec", "seeds", file);
}
