namespace VoteAlign.Core.Model;

/// <summary>Lookups over a <see cref="RecordSet"/> by id. Built once; the record set is immutable.
/// Where ids are duplicated (an invalid set), the first occurrence wins.</summary>
internal sealed class RecordIndex
{
    private readonly Dictionary<MemberId, int> _memberIndex = new();
    private readonly Dictionary<MotionId, int> _motionIndex = new();
    private readonly Dictionary<MeetingId, Meeting> _meetings = new();

    public RecordIndex(RecordSet records)
    {
        ArgumentNullException.ThrowIfNull(records);
        Records = records;
        for (var i = 0; i < records.Members.Length; i++) _memberIndex.TryAdd(records.Members[i].Id, i);
        for (var i = 0; i < records.Motions.Length; i++) _motionIndex.TryAdd(records.Motions[i].Id, i);
        foreach (var m in records.Meetings) _meetings.TryAdd(m.Id, m);
    }

    public RecordSet Records { get; }

    public int? MemberIndex(MemberId id) => _memberIndex.TryGetValue(id, out var i) ? i : null;

    public int? MotionIndex(MotionId id) => _motionIndex.TryGetValue(id, out var i) ? i : null;

    public Meeting? Meeting(MeetingId id) => _meetings.GetValueOrDefault(id);

    public DateOnly? DateOf(Motion motion) => Meeting(motion.Meeting)?.Date;
}
