namespace VoteAlign.Cli.Io;

/// <summary>A read-only pass-through that counts the bytes read, so a progress display on another thread can show
/// how far through a large input the reader is (the count is read atomically).</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    // Read once: a progress display may ask after the stream is closed.
    private readonly long _length = inner.CanSeek ? inner.Length : 0;
    private long _read;

    /// <summary>Share of the input read so far, 0 to 1 (0 when the length is unknown).</summary>
    public double Fraction
    {
        get => _length <= 0 ? 0 : (double)Interlocked.Read(ref _read) / _length;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => Interlocked.Read(ref _read);
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    private int Count(int n)
    {
        Interlocked.Add(ref _read, n);
        return n;
    }
}
