using System.Collections.Immutable;
using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest;

/// <summary>A record set as loaded, with the warnings that did not stop the load
/// (for example two reports giving different tallies for one vote).</summary>
/// <param name="Records">The records.</param>
/// <param name="Warnings">Problems worth a look that do not make the input unusable.</param>
public sealed record RecordLoad(RecordSet Records, ImmutableArray<InputError> Warnings);
