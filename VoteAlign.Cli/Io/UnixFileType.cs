using System.Runtime.InteropServices;

namespace VoteAlign.Cli.Io;

/// <summary>Whether a path is a regular file, a folder, or something else (a device such as <c>/dev/null</c>, a named
/// pipe, a socket). .NET reports all of these alike, so this asks Linux's <c>statx</c>, whose result has the same
/// layout on every architecture. Elsewhere (or on a C library without <c>statx</c>) every path counts as regular.</summary>
internal static class UnixFileType
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 1;
    private const int ModeOffset = 28; // struct statx: mask, blksize (u32), attributes (u64), nlink, uid, gid (u32), then mode (u16)

    public static bool IsSpecial(string path)
    {
        if (!OperatingSystem.IsLinux()) return false;
        var buffer = new byte[256]; // struct statx is 256 bytes
        try
        {
            if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0) return false; // missing: not special
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }

        var type = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
        return type is not (0x8000 or 0x4000); // S_IFREG, S_IFDIR
    }

    // DllImport rather than LibraryImport, which would need unsafe code enabled for this one call.
    [DllImport("libc", EntryPoint = "statx")]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
