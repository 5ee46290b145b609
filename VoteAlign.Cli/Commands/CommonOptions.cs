using System.CommandLine;

namespace VoteAlign.Cli.Commands;

/// <summary>Options several verbs share, built fresh per command (System.CommandLine symbols have one parent).</summary>
internal static class CommonOptions
{
    public static Option<string?> Output(bool required = false, string description = "Write the result to FILE (atomically) instead of standard output.") =>
        new("--output", "-o") { Description = description, HelpName = "FILE", Required = required };

    /// <summary><c>--quiet</c>: no live progress line on standard error.</summary>
    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "No progress line on standard error (it is shown only when standard error is a terminal)." };

    /// <summary><c>--timings</c>: seconds per stage on standard error.</summary>
    public static Option<bool> Timings() => new("--timings") { Description = "Print the seconds each stage took to standard error (timing: STAGE SECONDS s)." };

    public static Option<string> Format(string defaultValue, params string[] choices)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", choices)}.",
            DefaultValueFactory = _ => defaultValue,
            HelpName = string.Join("|", choices),
        };
        option.AcceptOnlyFromAmong(choices);
        return option;
    }

    /// <summary>A file argument. A value that starts with '-' is an option the parser did not know, not a file name.</summary>
    public static Argument<string?> InputFile(string name, string description, bool optional)
    {
        var argument = new Argument<string?>(name)
        {
            Description = description,
            Arity = optional ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne,
        };
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.Length > 1 && token.Value[0] == '-')
                    result.AddError($"Unrecognized option '{token.Value}'.");
        });
        return argument;
    }

    /// <summary>One or more file arguments, with the same check as <see cref="InputFile"/>.</summary>
    public static Argument<string[]> InputFiles(string name, string description)
    {
        var argument = new Argument<string[]>(name) { Description = description, Arity = ArgumentArity.OneOrMore };
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.Length > 1 && token.Value[0] == '-')
                    result.AddError($"Unrecognized option '{token.Value}'.");
        });
        return argument;
    }

    /// <summary>The bloc method option shared by the commands that draw blocs.</summary>
    public static Option<string> BlocMethod(string description = "Bloc method.")
    {
        var option = new Option<string>("--method") { Description = description, DefaultValueFactory = _ => "spectral", HelpName = "spectral|hierarchical|louvain" };
        option.AcceptOnlyFromAmong("spectral", "hierarchical", "louvain");
        return option;
    }

    public static Core.Analysis.Blocs.BlocMethod ParseBlocMethod(string name) => name switch
    {
        "hierarchical" => Core.Analysis.Blocs.BlocMethod.Hierarchical,
        "louvain" => Core.Analysis.Blocs.BlocMethod.Louvain,
        _ => Core.Analysis.Blocs.BlocMethod.Spectral,
    };

    /// <summary><c>--k</c>: a whole number ≥ 1, or <c>auto</c> (null: chosen from the data).</summary>
    public static int? ParseK(string text) => text == "auto" ? null
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k) && k >= 1 ? k
        : throw new UsageException($"--k takes a whole number >= 1 or auto, not '{text}'.");
}
