namespace VoteAlign.Core.Model;

/// <summary>What a member-level position rests on.</summary>
public enum Basis
{
    /// <summary>A published roll call.</summary>
    Recorded,

    /// <summary>The member reports their own vote ("I voted against").</summary>
    Self,

    /// <summary>Another reporter names the member ("as did Ann Black").</summary>
    Attributed,

    /// <summary>Resolved from a statement about a declared group ("the left CLP reps voted against").</summary>
    Group,

    /// <summary>Implied by arithmetic from a tally and the known positions.</summary>
    Forced,

    /// <summary>Produced by reconstruction; carries probabilities.</summary>
    Inferred,
}
