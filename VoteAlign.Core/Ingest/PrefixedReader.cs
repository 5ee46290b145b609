namespace VoteAlign.Core.Ingest;

/// <summary>Reads <c>prefix</c>, then the rest of another reader: what a reader already took from a stream, handed
/// back in front of what is left of it.</summary>
internal sealed class PrefixedReader(string prefix, TextReader rest) : TextReader
{
    private int _pos;

    public override int Peek() => _pos < prefix.Length ? prefix[_pos] : rest.Peek();

    public override int Read() => _pos < prefix.Length ? prefix[_pos++] : rest.Read();

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (_pos >= prefix.Length) return rest.Read(buffer);
        var n = Math.Min(buffer.Length, prefix.Length - _pos);
        prefix.AsSpan(_pos, n).CopyTo(buffer);
        _pos += n;
        return n;
    }
}
