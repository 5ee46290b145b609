using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest;

/// <summary>A bit-packed members × motions grid that grows in both directions while a roll call streams in,
/// so neither dimension has to be known up front. Each member row keeps its four vote planes interleaved word by word
/// (word w of plane v at 4w + v): a long roll call sorted by motion sets one cell per member in turn, and the four
/// words a cell is checked against then share one cache line instead of four.</summary>
internal sealed class GrowableVoteGrid
{
    private readonly List<ulong[]> _rows = [];
    private int _words = 1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TrySet(int member, int motion, Vote vote)
    {
        while (member >= _rows.Count) _rows.Add(new ulong[4 * _words]);
        if ((motion >> 6) >= _words) Grow((motion >> 6) + 1);
        var row = _rows[member];
        var at = 4 * (motion >> 6);
        var bit = 1UL << (motion & 63);
        if (((row[at] | row[at + 1] | row[at + 2] | row[at + 3]) & bit) != 0) return false;
        row[at + (int)vote] |= bit;
        return true;
    }

    public VoteMatrix Build(ImmutableArray<MemberId> members, ImmutableArray<MotionId> motions)
    {
        var words = VoteMatrix.WordsFor(motions.Length);
        var planes = new ulong[4][];
        for (var v = 0; v < 4; v++) planes[v] = new ulong[members.Length * words];
        for (var i = 0; i < _rows.Count && i < members.Length; i++)
        {
            var row = _rows[i];
            for (var w = 0; w < Math.Min(words, _words); w++)
                for (var v = 0; v < 4; v++) planes[v][i * words + w] = row[4 * w + v];
        }

        return VoteMatrix.FromPlanes(members, motions, planes);
    }

    private void Grow(int needed)
    {
        var words = Math.Max(needed, _words * 2);
        // Word-major rows keep their layout when they grow: the new words go at the end.
        for (var i = 0; i < _rows.Count; i++)
        {
            var row = new ulong[4 * words];
            Array.Copy(_rows[i], row, 4 * _words);
            _rows[i] = row;
        }

        _words = words;
    }
}
