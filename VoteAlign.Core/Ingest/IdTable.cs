using System.Runtime.CompilerServices;

namespace VoteAlign.Core.Ingest;

/// <summary>Interns ids read as spans: each distinct id becomes one string and a dense index, in order of first appearance.</summary>
internal sealed class IdTable
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _ids = [];

    public IdTable(IEnumerable<string>? initial = null)
    {
        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        if (initial is null) return;
        foreach (var id in initial) Intern(id);
    }

    public IReadOnlyList<string> Ids => _ids;

    public int Count => _ids.Count;

    /// <summary>The index of <paramref name="id"/> if it is <paramref name="last"/> or the one after it, else −1:
    /// a cheap check before the hash lookup, for input sorted by this id or by the other.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Guess(ReadOnlySpan<char> id, int last)
    {
        if (last >= 0 && last < _ids.Count && id.SequenceEqual(_ids[last])) return last;
        return last + 1 >= 0 && last + 1 < _ids.Count && id.SequenceEqual(_ids[last + 1]) ? last + 1 : -1;
    }

    public int Find(ReadOnlySpan<char> id) => _lookup.TryGetValue(id, out var i) ? i : -1;

    public int Intern(ReadOnlySpan<char> id)
    {
        if (_lookup.TryGetValue(id, out var i)) return i;
        var s = id.ToString();
        _index.Add(s, _ids.Count);
        _ids.Add(s);
        return _ids.Count - 1;
    }
}
