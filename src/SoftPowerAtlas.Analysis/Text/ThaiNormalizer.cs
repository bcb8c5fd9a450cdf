using System.Globalization;
using System.Text;

namespace SoftPowerAtlas.Analysis.Text;

/// <summary>
/// Normalises Thai and English text in one pass while keeping the map to the original: NFC (per run of
/// a base character and its marks, only where a run is not already NFC), zero-width characters and soft
/// hyphens removed, NBSP to space, decomposed sara am (<c>ํ</c> + <c>า</c>, also with a tone mark
/// between) composed to <c>ำ</c>, Thai digits to ASCII, runs of spaces and tabs to one space, CR LF to
/// LF, no spaces at line ends, noncharacters and unpaired surrogates to U+FFFD (<see cref="UnicodeText"/>).
/// Text with nothing to change is returned as it is.
/// </summary>
public static class ThaiNormalizer
{
    private const char Nikhahit = '\u0E4D';
    private const char SaraAa = '\u0E32';
    private const char SaraAm = '\u0E33';

    public static MappedText Normalize(MappedText input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = input.Text;
        var invalid = UnicodeText.HasInvalid(text);
        var nfc = !invalid && text.AsSpan().IsNormalized(NormalizationForm.FormC);
        if (nfc && !NeedsWork(text))
        {
            return input;
        }

        var builder = new MappedText.Builder(input.OriginalLength, text.Length);
        Span<char> run = stackalloc char[32];
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsSpace(c))
            {
                i = WriteSpaces(input, i, builder);
                continue;
            }

            if (invalid && UnicodeText.InvalidAt(text, i) is > 0 and var units)
            {
                builder.Append(UnicodeText.Replacement, input.OriginalOf(i).Start, input.OriginalOf(i + units - 1).End);
                i += units;
                continue;
            }

            switch (c)
            {
                case '\r':
                    var next = i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
                    builder.Append('\n', input.OriginalOf(i).Start, input.OriginalOf(next - 1).End);
                    i = next;
                    continue;
                case '\n':
                    builder.AppendFrom(input, i, i + 1);
                    i++;
                    continue;
                case >= '\u0E50' and <= '\u0E59':
                    var digit = input.OriginalOf(i);
                    builder.Append((char)('0' + (c - '\u0E50')), digit.Start, digit.End);
                    i++;
                    continue;
                default:
                    if (IsRemoved(c))
                    {
                        i++;
                        continue;
                    }

                    break;
            }

            if (c < '\u0300' && (i + 1 == text.Length || text[i + 1] < '\u0300'))
            {
                builder.AppendFrom(input, i, i + 1);
                i++;
                continue;
            }

            i = WriteRun(input, i, builder, checkNfc: !nfc, run);
        }

        return builder.Build();
    }

    /// <summary>Quick scan: does anything but NFC need changing?</summary>
    private static bool NeedsWork(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or Nikhahit || IsRemoved(c) || c is >= '\u0E50' and <= '\u0E59')
            {
                return true;
            }

            if (IsSpace(c))
            {
                if (c != ' ' && c != '\t')
                {
                    return true;
                }

                if (i + 1 == text.Length || IsSpace(text[i + 1]) || text[i + 1] is '\n' or '\r')
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A run of spaces and tabs (zero-width characters inside it ignored): dropped at a line end, else one space.</summary>
    private static int WriteSpaces(MappedText input, int start, MappedText.Builder builder)
    {
        var text = input.Text;
        var end = start;
        var count = 0;
        var last = start;
        while (end < text.Length && (IsSpace(text[end]) || IsRemoved(text[end])))
        {
            if (IsSpace(text[end]))
            {
                count++;
                last = end;
            }

            end++;
        }

        if (end == text.Length || text[end] is '\n' or '\r')
        {
            return end;
        }

        if (count == 1 && text[start] is ' ' or '\t')
        {
            builder.AppendFrom(input, start, start + 1);
        }
        else
        {
            builder.Append(' ', input.OriginalOf(start).Start, input.OriginalOf(last).End);
        }

        return end;
    }

    /// <summary>
    /// A base character and the marks after it: sara am composed, then NFC applied when the run is not
    /// already NFC (its characters then map to the whole run).
    /// </summary>
    private static int WriteRun(MappedText input, int start, MappedText.Builder builder, bool checkNfc, Span<char> buffer)
    {
        var text = input.Text;
        var end = start + 1;
        if (char.IsHighSurrogate(text[start]) && end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
        }

        var hasRemoved = false;
        while (end < text.Length)
        {
            if (IsMark(text[end]))
            {
                end++;
            }
            else if (IsRemoved(text[end]) && end + 1 < text.Length && IsMark(text[end + 1]))
            {
                hasRemoved = true;
                end += 2;
            }
            else
            {
                break;
            }
        }

        var saraAm = -1;
        if (end < text.Length && text[end] == SaraAa)
        {
            var tail = end - 1;
            while (tail > start && IsRemoved(text[tail]))
            {
                tail--;
            }

            if (text[tail] == Nikhahit)
            {
                saraAm = tail;
            }
            else if (tail - 1 >= start && IsToneMark(text[tail]) && text[tail - 1] == Nikhahit)
            {
                saraAm = tail - 1;
            }
        }

        var length = end - start;
        if (saraAm < 0 && !hasRemoved && (!checkNfc || IsRunNormalized(text.AsSpan(start, length))))
        {
            builder.AppendFrom(input, start, end);
            return end;
        }

        var chars = length <= buffer.Length ? buffer : new char[length];
        var starts = new int[length + 1];
        var ends = new int[length + 1];
        var n = 0;
        for (var k = start; k < end; k++)
        {
            if (k == saraAm || IsRemoved(text[k]))
            {
                continue;
            }

            var origin = input.OriginalOf(k);
            chars[n] = text[k];
            starts[n] = origin.Start;
            ends[n] = origin.End;
            n++;
        }

        if (saraAm >= 0)
        {
            chars[n] = SaraAm;
            starts[n] = input.OriginalOf(saraAm).Start;
            ends[n] = input.OriginalOf(end).End;
            n++;
            end++;
        }

        var written = chars[..n];
        if (checkNfc && !written.IsNormalized(NormalizationForm.FormC))
        {
            var composed = written.ToString().Normalize(NormalizationForm.FormC);
            builder.AppendReplacement(composed, starts[0], ends[n - 1]);
            return end;
        }

        for (var k = 0; k < n; k++)
        {
            builder.Append(written[k], starts[k], ends[k]);
        }

        return end;
    }

    private static bool IsRunNormalized(ReadOnlySpan<char> run) => run.IsNormalized(NormalizationForm.FormC);

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u202F' or '\u2007' or '\u3000' or (>= '\u2000' and <= '\u200A');

    private static bool IsRemoved(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    private static bool IsToneMark(char c) => c is >= '\u0E48' and <= '\u0E4B';

    private static bool IsMark(char c) =>
        (c is >= '\u1160' and <= '\u11FF')
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
