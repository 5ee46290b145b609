using System.Collections.Immutable;

namespace VoteAlign.Core.Model;

public sealed partial class VoteMatrix
{
    /// <summary>Builds a <see cref="VoteMatrix"/> from (member, motion, vote) cells, or from a record set's positions.</summary>
    /// <param name="members">Row labels, distinct.</param>
    /// <param name="motions">Column labels, distinct.</param>
    /// <param name="positions">Positions to place; any whose member or motion is not a label is ignored.</param>
    /// <exception cref="ArgumentException">Labels are not distinct, or a cell is given two values.</exception>
    public static VoteMatrix FromPositions(ImmutableArray<MemberId> members, ImmutableArray<MotionId> motions, IEnumerable<Position> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var builder = new Builder(members, motions);
        var rows = new Dictionary<MemberId, int>();
        var cols = new Dictionary<MotionId, int>();
        for (var i = 0; i < members.Length; i++)
            if (!rows.TryAdd(members[i], i)) throw new ArgumentException($"Duplicate member id '{members[i]}'.", nameof(members));
        for (var j = 0; j < motions.Length; j++)
            if (!cols.TryAdd(motions[j], j)) throw new ArgumentException($"Duplicate motion id '{motions[j]}'.", nameof(motions));
        foreach (var p in positions)
            if (rows.TryGetValue(p.Member, out var i) && cols.TryGetValue(p.Motion, out var j))
                builder.Set(i, j, p.Vote);
        return builder.Build();
    }

    /// <summary>Wraps four planes (for, against, abstain, absent) laid out as described on <see cref="VoteMatrix"/>.</summary>
    internal static VoteMatrix FromPlanes(ImmutableArray<MemberId> members, ImmutableArray<MotionId> motions, ulong[][] planes)
    {
        var size = members.Length * WordsFor(motions.Length);
        if (planes.Length != VoteValues || planes.Any(p => p.Length != size)) throw new ArgumentException("Planes do not match the labels.", nameof(planes));
        return new VoteMatrix(members, motions, planes);
    }

    /// <summary>Fills a matrix cell by cell; each cell at most once. Not thread-safe.</summary>
    internal sealed class Builder
    {
        private readonly ImmutableArray<MemberId> _members;
        private readonly ImmutableArray<MotionId> _motions;
        private readonly int _words;
        private ulong[][]? _planes;

        public Builder(ImmutableArray<MemberId> members, ImmutableArray<MotionId> motions)
        {
            _members = members;
            _motions = motions;
            _words = WordsFor(motions.Length);
            var size = checked(members.Length * _words);
            _planes = new ulong[VoteValues][];
            for (var v = 0; v < VoteValues; v++) _planes[v] = new ulong[size];
        }

        /// <exception cref="ArgumentException">The cell already holds a value.</exception>
        public void Set(int member, int motion, Vote vote)
        {
            var planes = _planes ?? throw new InvalidOperationException("The matrix was already built.");
            ArgumentOutOfRangeException.ThrowIfNegative(member);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(member, _members.Length);
            ArgumentOutOfRangeException.ThrowIfNegative(motion);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(motion, _motions.Length);
            var word = member * _words + (motion >> 6);
            var bit = 1UL << (motion & 63);
            for (var v = 0; v < VoteValues; v++)
                if ((planes[v][word] & bit) != 0)
                    throw new ArgumentException($"Cell ({_members[member]}, {_motions[motion]}) already holds a vote.");
            planes[(int)vote][word] |= bit;
        }

        public VoteMatrix Build()
        {
            var planes = _planes ?? throw new InvalidOperationException("The matrix was already built.");
            _planes = null;
            return new VoteMatrix(_members, _motions, planes);
        }
    }
}
