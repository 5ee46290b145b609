using System.Collections.Immutable;

namespace VoteAlign.Core.Ingest;

/// <summary>User input could not be used. Carries every problem found, not just the first.</summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the exception from one or more errors.</summary>
    /// <param name="errors">At least one error.</param>
    public InputException(IEnumerable<InputError> errors)
        : this(errors.ToImmutableArray())
    {
    }

    /// <summary>Creates the exception from one error.</summary>
    /// <param name="error">The error.</param>
    public InputException(InputError error)
        : this([error])
    {
    }

    /// <summary>Required by convention; prefer the constructors that take errors.</summary>
    public InputException()
        : this(new InputError("(input)", null, null, "Bad input."))
    {
    }

    /// <summary>Required by convention; prefer the constructors that take errors.</summary>
    /// <param name="message">The message.</param>
    public InputException(string message)
        : this(new InputError("(input)", null, null, message))
    {
    }

    /// <summary>Required by convention; prefer the constructors that take errors.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new InputError("(input)", null, null, message)];
    }

    private InputException(ImmutableArray<InputError> errors)
        : base(errors.IsDefaultOrEmpty ? "Bad input." : string.Join(Environment.NewLine, errors))
    {
        if (errors.IsDefaultOrEmpty) throw new ArgumentException("At least one error is required.", nameof(errors));
        Errors = errors;
    }

    /// <summary>Every problem found, in input order.</summary>
    public ImmutableArray<InputError> Errors { get; }
}
