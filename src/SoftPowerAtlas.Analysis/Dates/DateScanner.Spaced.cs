using System.Globalization;

namespace SoftPowerAtlas.Analysis.Dates;

/// <summary>
/// Letter-spaced text, as some pages store their headings ("1 5 ม ก ร า ค ม 2 5 6 7", "M A R C H 2 0 2 4"):
/// each run is read again with its letters joined (a space kept where letters meet digits), and what is
/// found there is mapped back onto the run.
/// </summary>
internal sealed partial class DateScanner
{
    // A run needs this many single letters, each followed by one space, to be letter-spaced text.
    private const int MinSpacedLetters = 4;

    private void LetterSpaced(string text, List<DateCandidate> found)
    {
        var i = 0;
        while (i < text.Length)
        {
            var end = SpacedRunEnd(text, i, out var letters, out var hasLetter);
            if (letters >= MinSpacedLetters && hasLetter)
            {
                ScanJoined(text, i, end, found);
                i = end;
                continue;
            }

            i = Math.Max(i + 1, end);
        }
    }

    /// <summary>
    /// Where a run of single characters (a letter or digit with its marks), each separated by exactly one space,
    /// starting at <paramref name="start"/> ends; <paramref name="letters"/> counts them.
    /// </summary>
    private static int SpacedRunEnd(string text, int start, out int letters, out bool hasLetter)
    {
        letters = 0;
        hasLetter = false;
        var at = start;
        if (at > 0 && !char.IsWhiteSpace(text[at - 1]))
        {
            return start + 1;
        }

        while (at < text.Length && (char.IsLetterOrDigit(text[at]) || (letters > 0 && text[at] is ',' or '.')))
        {
            var next = at + 1;
            while (next < text.Length && IsMark(text[next]))
            {
                next++;
            }

            // One character, then one space (or the end of the run); a comma or full stop may stand glued or alone.
            while (next < text.Length && text[next] is ',' or '.')
            {
                next++;
            }

            if (next < text.Length && !char.IsWhiteSpace(text[next]))
            {
                break;
            }

            if (char.IsLetterOrDigit(text[at]))
            {
                hasLetter |= char.IsLetter(text[at]);
                letters++;
            }

            if (next + 1 < text.Length && text[next] == ' ' && (char.IsLetterOrDigit(text[next + 1]) || text[next + 1] is ',' or '.'))
            {
                at = next + 1;
                continue;
            }

            return next;
        }

        return letters > 0 ? at : start + 1;
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Scans the run with its spaces taken out (one kept between a letter and a digit) and maps the finds back.</summary>
    private void ScanJoined(string text, int start, int end, List<DateCandidate> found)
    {
        var joined = new System.Text.StringBuilder(end - start);
        var map = new List<int>(end - start);
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == ' ')
            {
                var before = joined.Length > 0 ? joined[^1] : ' ';
                var next = i + 1 < end ? text[i + 1] : ' ';
                if (char.IsDigit(before) != char.IsDigit(next) || before == ',')
                {
                    joined.Append(' ');
                    map.Add(i);
                }

                continue;
            }

            joined.Append(c);
            map.Add(i);
        }

        var inner = ScanPlain(joined.ToString());
        foreach (var c in inner)
        {
            c.Start = map[c.Start];
            c.End = map[c.End - 1] + 1;
            found.Add(c);
        }
    }
}
