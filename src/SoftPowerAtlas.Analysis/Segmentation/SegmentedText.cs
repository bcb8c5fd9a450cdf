using System.Text;

namespace SoftPowerAtlas.Analysis.Segmentation;

/// <summary>Renders segmented text for people: <c>นายกรัฐมนตรี|เดินทาง ไป|ญี่ปุ่น</c>.</summary>
public static class SegmentedText
{
    /// <summary>
    /// The text unchanged, except that <paramref name="separator"/> is inserted at every offset where a
    /// word-like token (word, number, ideograph) ends and the next token, starting at that same
    /// offset, is word-like too. Spaces, line breaks and punctuation are copied as they are and get no
    /// separator beside them (<c>ไทย-ญี่ปุ่น</c> stays as written), so the output minus the separators
    /// is the input.
    /// </summary>
    public static string Join(string text, IReadOnlyList<Token> tokens, string separator = "|")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(separator);
        var result = new StringBuilder(text.Length + tokens.Count * separator.Length);
        var copied = 0;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var (left, right) = (tokens[i], tokens[i + 1]);
            if (left.IsWordLike && right.IsWordLike && left.End == right.Start)
            {
                result.Append(text, copied, left.End - copied).Append(separator);
                copied = left.End;
            }
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }
}
