namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>A sentence of a report: verbatim text, where it stands, and its tokens.</summary>
/// <param name="Line">1-based line in the document.</param>
/// <param name="Start">Offset of <paramref name="Text"/> in the line.</param>
/// <param name="Text">The sentence, verbatim (trimmed).</param>
/// <param name="Index">Position among the report's sentences, from 0.</param>
/// <param name="IsFirstInLine">Whether the sentence opens its line (a paragraph or bullet).</param>
internal sealed record Sentence(int Line, int Start, string Text, int Index, bool IsFirstInLine)
{
    private Token[]? _tokens;

    /// <summary>The sentence's tokens (computed once).</summary>
    public Token[] Tokens => _tokens ??= Tokenizer.Tokenize(Text);
}
