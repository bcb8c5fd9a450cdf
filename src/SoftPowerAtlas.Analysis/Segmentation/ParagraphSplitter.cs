using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Segmentation;

/// <summary>
/// Paragraphs of normalised text: every line that is not blank is one paragraph, trimmed of white
/// space, with its language from <see cref="LanguageDetector"/>. Press releases as cleaned here put
/// one paragraph per line, and a rule with no exceptions is one a reader can predict.
/// </summary>
public static class ParagraphSplitter
{
    public static IReadOnlyList<Paragraph> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = new List<Paragraph>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !SentenceSplitter.IsLineBreak(text[i]))
            {
                continue;
            }

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

            if (e > s)
            {
                paragraphs.Add(new Paragraph(new TextSpan(s, e), LanguageDetector.Detect(text.AsSpan(s, e - s))));
            }

            start = i + 1;
        }

        return paragraphs;
    }
}
