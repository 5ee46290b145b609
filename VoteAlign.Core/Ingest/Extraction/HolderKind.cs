namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Who a statement says voted (or moved): the writer, the writers, a named person, or a group.</summary>
internal enum HolderKind
{
    /// <summary>"I".</summary>
    Self,

    /// <summary>"we".</summary>
    We,

    /// <summary>A person named in the text.</summary>
    Named,

    /// <summary>A group ("left CLP reps", "10 members of the NEC").</summary>
    Group,
}
