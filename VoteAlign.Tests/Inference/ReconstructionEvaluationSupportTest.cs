using VoteAlign.Tests.Support;

namespace VoteAlign.Tests.Inference;

/// <summary>The figures the evaluation reports that are not the reconstruction's own, checked on hand-worked cases.</summary>
public class ReconstructionEvaluationSupportTest
{
    // Blocs of 15 (12 for, 3 against) and 10 (1 for, 9 against), tally 13-12. Each bloc's counts placed at random within
    // it expect 12²/15 + 3²/15 + 1²/10 + 9²/10 = 18.4 cells right; the best placement puts all 13 "for" on the first
    // bloc (each right with chance 12/15) and its other 2 members and the whole second bloc against: 13·12/15 + 2·3/15
    // + 10·9/10 = 19.8.
    [Test]
    public void BestPlacement_PutsOneBlocsDissentWhereItCostsLeast()
    {
        int[] first = [12, 3, 0, 0], second = [1, 9, 0, 0];
        int[][] members = [.. Enumerable.Repeat(first, 15), .. Enumerable.Repeat(second, 10)];
        Assert.That(ReconstructionEvaluation.BestPlacement(members), Is.EqualTo(19.8).Within(1e-6));
    }

    // One bloc of 4 with 3 for and 1 absent: only its own counts can be placed, 3·¾ + 1·¼ = 2.5.
    [Test]
    public void BestPlacement_OneBloc_IsItsOwnCountsPlacedAtRandom()
    {
        int[] bloc = [3, 0, 0, 1];
        Assert.That(ReconstructionEvaluation.BestPlacement([.. Enumerable.Repeat(bloc, 4)]), Is.EqualTo(2.5).Within(1e-6));
    }
}
