namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>Numbers around dates: their value in digits or words, and the words that make a number an amount or a label.</summary>
internal sealed partial class DateLexicon
{
    /// <summary>True when the text right after a number counts something (2000 people, 2500 คน, 2019%): the number is an amount.</summary>
    public bool CountsThings(ReadOnlySpan<char> after)
    {
        after = after.TrimStart(" \t\u00A0");
        if (after.IsEmpty)
        {
            return false;
        }

        if (after[0] is '%' or '+')
        {
            return true;
        }

        if (!IsLatin(after[..1]))
        {
            foreach (var word in _thaiCountWords)
            {
                if (after.StartsWith(word, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        var end = 0;
        while (end < after.Length && (char.IsAsciiLetter(after[end]) || after[end] == '.'))
        {
            end++;
        }

        return end > 0 && _latinCountWords.Contains(after[..end].TrimEnd('.').ToString().ToUpperInvariant());
    }

    /// <summary>True when the text right before a number labels it as something else than a year (Room 2001, เลขที่ 2501).</summary>
    public bool LabelsNumber(ReadOnlySpan<char> before)
    {
        before = before.TrimEnd(" \t\u00A0");
        foreach (var label in _numberLabels)
        {
            if (!before.EndsWith(label, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var at = before.Length - label.Length;
            if (!char.IsAsciiLetter(label[0]) || at == 0 || !char.IsAsciiLetter(before[at - 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Value of digits, a number word (three, สาม) or an ordinal word (third, แรก); 0 when it is none.</summary>
    public int NumberValue(ReadOnlySpan<char> written)
    {
        if (written.IsEmpty)
        {
            return 0;
        }

        if (char.IsAsciiDigit(written[0]) || written[0] is >= '\u0E50' and <= '\u0E59')
        {
            var n = 0;
            foreach (var c in written)
            {
                if (char.IsAsciiDigit(c) || c is >= '\u0E50' and <= '\u0E59')
                {
                    n = (n * 10) + (c >= '\u0E50' ? c - '\u0E50' : c - '0');
                }
                else
                {
                    break;
                }
            }

            return n;
        }

        return _numbers.TryGetValue(written.ToString().ToUpperInvariant(), out var entry) ? entry.Value : 0;
    }
}
