using VoteAlign.Core.Model;

namespace VoteAlign.Cli.Rendering;

/// <summary>A vote matrix as a long-format roll-call CSV, <c>member,name,motion,vote</c> (vote words yea, nay,
/// abstain, absent), one row per known cell, motion-major: the format <c>votealign import</c> reads back.</summary>
internal static class RollCallCsv
{
    public static void Write(Dataset data, VoteMatrix matrix, TextWriter w)
    {
        var names = data.Members.DistinctBy(m => m.Id).ToDictionary(m => m.Id, m => m.Name);
        w.WriteLine("member,name,motion,vote");
        for (var j = 0; j < matrix.MotionCount; j++)
            for (var i = 0; i < matrix.MemberCount; i++)
                if (matrix[i, j] is { } v)
                    w.WriteLine(CsvCells.Row(matrix.Members[i].Value, names.GetValueOrDefault(matrix.Members[i]) ?? matrix.Members[i].Value, matrix.Motions[j].Value,
                        v switch { Vote.For => "yea", Vote.Against => "nay", Vote.Abstain => "abstain", _ => "absent" }));
    }
}
