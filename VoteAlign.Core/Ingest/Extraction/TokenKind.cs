namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>What a token is.</summary>
internal enum TokenKind
{
    /// <summary>Letters (with inner apostrophes).</summary>
    Word,

    /// <summary>Digits, possibly with thousands separators or a decimal part.</summary>
    Number,

    /// <summary>Any other single character.</summary>
    Punct,
}
