using System.Collections.Immutable;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>What an extraction produced.</summary>
/// <param name="Records">A valid <c>votealign/1</c> record set: the roster's members (and any new names),
/// the meetings, motions, positions and group statements found, each with its sources.</param>
/// <param name="Review">Every accepted fact and every rejected candidate, in document order.</param>
/// <param name="Warnings">Problems worth a look: names not on the roster, reports that disagree on a tally,
/// undated meetings, first names that could not be resolved.</param>
public sealed record ExtractionResult(RecordSet Records, ImmutableArray<ReviewItem> Review, ImmutableArray<InputError> Warnings);
