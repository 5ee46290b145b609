namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>A token of a sentence, with its span and a normalised form (lower case, curly apostrophes straight).</summary>
/// <param name="Start">Offset in the sentence.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="Kind">Word, number or punctuation.</param>
/// <param name="Norm">Normalised text.</param>
/// <param name="SpaceBefore">Whether whitespace (or the sentence start) precedes the token.</param>
/// <param name="Value">For a plain number of at most 6 digits, its value; otherwise -1.</param>
/// <param name="Digits">For a number, how many digits it has in all (a separator or decimal makes it long).</param>
internal readonly record struct Token(int Start, int Length, TokenKind Kind, string Norm, bool SpaceBefore, int Value, int Digits)
{
    /// <summary>One past the last character.</summary>
    public int End => Start + Length;

    /// <summary>Whether this is the word <paramref name="w"/> (normalised).</summary>
    public bool Is(string w) => Kind != TokenKind.Punct && Norm == w;

    /// <summary>Whether this is punctuation <paramref name="c"/>.</summary>
    public bool IsPunct(char c) => Kind == TokenKind.Punct && Norm.Length == 1 && Norm[0] == c;

    /// <summary>Whether this is a dash or hyphen of any kind.</summary>
    public bool IsDash => Kind == TokenKind.Punct && Norm.Length == 1 && Norm[0] is '-' or '–' or '—' or '‑' or '‒' or '−';
}
