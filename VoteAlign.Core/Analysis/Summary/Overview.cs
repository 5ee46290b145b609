using System.Collections.Immutable;
using VoteAlign.Core.Analysis.Agreement;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Summary;

/// <summary>The first look at a record set: what it holds, who votes with whom on evidence alone
/// (for the pairs whose agreement rests on the most shared votes), and the closest votes.</summary>
/// <param name="Summary">What the data holds.</param>
/// <param name="TopPairs">Pairs with the most shared votes on evidence alone, most shared first.</param>
/// <param name="ClosestVotes">Motions with a full tally, smallest margin first.</param>
public sealed record Overview(DataSummary Summary, ImmutableArray<PairRow> TopPairs, ImmutableArray<CloseVote> ClosestVotes)
{
    /// <summary>Builds the overview of a record set.</summary>
    /// <param name="records">The record set.</param>
    /// <param name="pairs">How many pairs to list (≥ 0).</param>
    /// <param name="closest">How many close votes to list (≥ 0).</param>
    public static Overview Of(RecordSet records, int pairs = 15, int closest = 10) =>
        Of(Dataset.FromRecords("records", records), pairs, closest);

    /// <summary>Builds the overview of a data set; agreement is computed on its evidence matrix (named positions and
    /// group statements that name their members).</summary>
    /// <param name="data">The data.</param>
    /// <param name="pairs">How many pairs to list (≥ 0).</param>
    /// <param name="closest">How many close votes to list (≥ 0).</param>
    public static Overview Of(Dataset data, int pairs = 15, int closest = 10)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(pairs);
        ArgumentOutOfRangeException.ThrowIfNegative(closest);
        var dates = data.Meetings.Where(m => m.Date is not null).GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First().Date);
        var members = data.Matrix.Members;
        var agreement = AgreementMatrix.Compute(data.Matrix);

        var rows = new List<PairRow>();
        for (var a = 0; a < members.Length; a++)
            for (var b = a + 1; b < members.Length; b++)
                if (agreement[a, b].Shared > 0)
                {
                    var (x, y) = members[a].CompareTo(members[b]) <= 0 ? (members[a], members[b]) : (members[b], members[a]);
                    rows.Add(new PairRow(x, y, agreement[a, b]));
                }

        var top = rows.OrderByDescending(r => r.Agreement.Shared)
            .ThenByDescending(r => r.Agreement.Value)
            .ThenBy(r => r.A).ThenBy(r => r.B)
            .Take(pairs).ToImmutableArray();

        var close = data.Motions
            .Where(m => m.Tally is { For: not null, Against: not null })
            .Select(m => new CloseVote(m, dates.GetValueOrDefault(m.Meeting), m.Tally!.Value.Margin!.Value))
            .OrderBy(c => c.Margin).ThenBy(c => c.Date ?? DateOnly.MaxValue).ThenBy(c => c.Motion.Id)
            .Take(closest).ToImmutableArray();
        return new Overview(data.Records is { } records ? DataSummary.Of(records) : DataSummary.Of(data), top, close);
    }
}
