using VoteAlign.Core.Model;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>A person's name in a sentence.</summary>
/// <param name="StartToken">First token.</param>
/// <param name="EndToken">One past the last token.</param>
/// <param name="Text">The name as printed.</param>
/// <param name="Member">The roster member it resolves to, if any.</param>
/// <param name="IsFullName">Whether it is a full name (two or more words) rather than a first name.</param>
internal sealed record NameMention(int StartToken, int EndToken, string Text, Member? Member, bool IsFullName);
