using System.Collections.Immutable;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Analysis.Windows;

/// <summary>A slice of the motions: a calendar year, a term, or a run of consecutive motions.</summary>
/// <param name="Label">How the window is named in output (<c>2022</c>, <c>term 2</c>, <c>motions 1-500</c>).</param>
/// <param name="From">First meeting date in the window, if known.</param>
/// <param name="To">Last meeting date in the window, if known.</param>
/// <param name="Data">The data restricted to the window's motions (all members kept).</param>
public sealed record TimeWindow(string Label, DateOnly? From, DateOnly? To, Dataset Data);
