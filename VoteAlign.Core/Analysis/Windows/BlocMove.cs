using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Windows;

/// <summary>A member who sat with another bloc than in the previous window.</summary>
/// <param name="Member">Who moved.</param>
/// <param name="FromWindow">The earlier window.</param>
/// <param name="ToWindow">The later window.</param>
/// <param name="FromBloc">Aligned bloc number before.</param>
/// <param name="ToBloc">Aligned bloc number after.</param>
public sealed record BlocMove(MemberId Member, string FromWindow, string ToWindow, int FromBloc, int ToBloc);
