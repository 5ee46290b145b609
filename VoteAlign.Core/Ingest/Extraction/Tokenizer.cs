using System.Globalization;

namespace VoteAlign.Core.Ingest.Extraction;

/// <summary>Splits a sentence into word, number and punctuation tokens in one linear pass.</summary>
internal static class Tokenizer
{
    public static Token[] Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        var space = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiDigit(c))
            {
                i = ScanNumber(text, i, out var digits, out var plain);
                var span = text.AsSpan(start, i - start);
                var value = plain && digits <= 6 ? int.Parse(span, NumberStyles.None, CultureInfo.InvariantCulture) : -1;
                tokens.Add(new Token(start, i - start, TokenKind.Number, span.ToString(), space, value, digits));
            }
            else if (char.IsLetter(c))
            {
                while (i < text.Length)
                {
                    if (char.IsLetter(text[i])) i++;
                    else if (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start) i++;
                    else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(text[i]) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark) i++;
                    else break;
                }

                tokens.Add(new Token(start, i - start, TokenKind.Word, Normalise(text.AsSpan(start, i - start)), space, -1, 0));
            }
            else
            {
                // Surrogate pairs stay together so a token never splits a character.
                i += char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                tokens.Add(new Token(start, i - start, TokenKind.Punct, text.Substring(start, i - start), space, -1, 0));
            }

            space = false;
        }

        return [.. tokens];
    }

    public static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or 'ʼ';

    public static string Normalise(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            buffer[i] = IsApostrophe(c) ? '\'' : char.ToLowerInvariant(c);
        }

        return new string(buffer);
    }

    // Digits, with "," thousands groups (385,324) and a decimal part (3.45) folded in, so that neither side of
    // "32-33,000" or "7.7m" can pass for a small vote count.
    private static int ScanNumber(string text, int i, out int digits, out bool plain)
    {
        digits = 0;
        plain = true;
        while (i < text.Length)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                digits++;
                i++;
            }
            else if ((text[i] == ',' || text[i] == '.') && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                plain = false;
                i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }
}
