namespace VoteAlign.Core.Model;

/// <summary>A member's stable id (a slug such as <c>jess-barnard</c>). Compared ordinally.</summary>
/// <param name="Value">The id as written in the record file.</param>
public readonly record struct MemberId(string Value) : IComparable<MemberId>
{
    /// <inheritdoc />
    public int CompareTo(MemberId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A motion's stable id (<c>MEETING/slug</c> in hand-compiled data). Compared ordinally.</summary>
/// <param name="Value">The id as written in the record file.</param>
public readonly record struct MotionId(string Value) : IComparable<MotionId>
{
    /// <inheritdoc />
    public int CompareTo(MotionId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A meeting's stable id (usually its ISO date). Compared ordinally.</summary>
/// <param name="Value">The id as written in the record file.</param>
public readonly record struct MeetingId(string Value) : IComparable<MeetingId>
{
    /// <inheritdoc />
    public int CompareTo(MeetingId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
