using System.Collections.Immutable;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest;

/// <summary>A bit-packed members × motions grid that grows in both directions while a roll call streams in,
/// so neither dimension has to be known up front. Each member row keeps its four vote planes side by side.</summary>
internal sealed class GrowableVoteGrid
{
    private readonly List<ulong[]> _rows = [];
    private int _words = 1;

    public bool TrySet(int member, int motion, Vote vote)
    {
        while (member >= _rows.Count) _rows.Add(new ulong[4 * _words]);
        if ((motion >> 6) >= _words) Grow((motion >> 6) + 1);
        var row = _rows[member];
        var word = motion >> 6;
        var bit = 1UL << (motion & 63);
        if (((row[word] | row[_words + word] | row[2 * _words + word] | row[3 * _words + word]) & bit) != 0) return false;
        row[(int)vote * _words + word] |= bit;
        return true;
    }

    public VoteMatrix Build(ImmutableArray<MemberId> members, ImmutableArray<MotionId> motions)
    {
        var words = VoteMatrix.WordsFor(motions.Length);
        var planes = new ulong[4][];
        for (var v = 0; v < 4; v++) planes[v] = new ulong[members.Length * words];
        for (var i = 0; i < _rows.Count && i < members.Length; i++)
            for (var v = 0; v < 4; v++)
                Array.Copy(_rows[i], v * _words, planes[v], i * words, Math.Min(words, _words));
        return VoteMatrix.FromPlanes(members, motions, planes);
    }

    private void Grow(int needed)
    {
        var words = Math.Max(needed, _words * 2);
        for (var i = 0; i < _rows.Count; i++)
        {
            var old = _rows[i];
            var row = new ulong[4 * words];
            for (var v = 0; v < 4; v++) Array.Copy(old, v * _words, row, v * words, _words);
            _rows[i] = row;
        }

        _words = words;
    }
}
