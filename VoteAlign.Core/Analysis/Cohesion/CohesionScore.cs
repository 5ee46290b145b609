namespace VoteAlign.Core.Analysis.Cohesion;

/// <summary>How united a group voted, averaged over the motions on which at least one member of it cast a vote.</summary>
/// <param name="Group">The group's label.</param>
/// <param name="Members">Members in the group.</param>
/// <param name="Motions">Motions the averages run over.</param>
/// <param name="Rice">Mean Rice index |for − against| / (for + against), in [0, 1]; abstentions are ignored
/// (Rice, 1925). Motions where no member voted for or against are left out of this mean.</param>
/// <param name="AgreementIndex">Mean Hix–Noury–Roland Agreement Index (max(F, A, B) − ½(F + A + B − max(F, A, B))) / (F + A + B),
/// with abstentions (B) as a third option; in [0, 1] (Hix, Noury and Roland, 2005).</param>
public sealed record CohesionScore(string Group, int Members, int Motions, double? Rice, double? AgreementIndex);
