using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Segmentation;

/// <summary>
/// Paragraphs of normalised text: every line that is not blank is one paragraph, trimmed of white
/// space, with its language from <see cref="LanguageDetector"/>. Press releases as cleaned here put
/// one paragraph per line, and a rule with no exceptions is one a reader can predict. Given the
/// sentences, a line longer than <see cref="MaxChars"/> (a page pasted as one line) is cut between
/// sentences into paragraphs of at most that length: extraction reads a paragraph as one passage, so
/// an unbounded one would make its work grow with the square of the line.
/// </summary>
public static class ParagraphSplitter
{
    /// <summary>The longest paragraph, in UTF-16 characters, when sentences are given: five times the longest line of any annotated page.</summary>
    public const int MaxChars = 5_000;

    public static IReadOnlyList<Paragraph> Split(string text) => Split(text, sentences: null);

    /// <summary>Paragraphs of <paramref name="text"/>, those longer than <see cref="MaxChars"/> cut between <paramref name="sentences"/> (in order, none longer than the cap).</summary>
    public static IReadOnlyList<Paragraph> Split(string text, IReadOnlyList<TextSpan>? sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = new List<Paragraph>();
        var start = 0;
        var sentence = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !SentenceSplitter.IsLineBreak(text[i]))
            {
                continue;
            }

            Pipeline.AnalysisBudget.ThrowIfExceeded();
            var s = start;
            var e = i;
            while (s < e && char.IsWhiteSpace(text[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            if (e - s > MaxChars && sentences is not null)
            {
                AddCut(text, sentences, ref sentence, s, e, paragraphs);
            }
            else if (e > s)
            {
                paragraphs.Add(new Paragraph(new TextSpan(s, e), LanguageDetector.Detect(text.AsSpan(s, e - s))));
            }

            start = i + 1;
        }

        return paragraphs;
    }

    /// <summary>Adds the line [start, end) as runs of whole sentences, each run at most <see cref="MaxChars"/> long.</summary>
    private static void AddCut(string text, IReadOnlyList<TextSpan> sentences, ref int sentence, int start, int end, List<Paragraph> paragraphs)
    {
        while (sentence < sentences.Count && sentences[sentence].End <= start)
        {
            sentence++;
        }

        var runStart = -1;
        var runEnd = -1;
        for (; sentence < sentences.Count && sentences[sentence].Start < end; sentence++)
        {
            var next = sentences[sentence];
            if (runStart >= 0 && next.End - runStart > MaxChars)
            {
                paragraphs.Add(new Paragraph(new TextSpan(runStart, runEnd), LanguageDetector.Detect(text.AsSpan(runStart, runEnd - runStart))));
                runStart = -1;
            }

            if (runStart < 0)
            {
                runStart = next.Start;
            }

            runEnd = next.End;
        }

        if (runStart >= 0)
        {
            paragraphs.Add(new Paragraph(new TextSpan(runStart, runEnd), LanguageDetector.Detect(text.AsSpan(runStart, runEnd - runStart))));
        }
    }
}
