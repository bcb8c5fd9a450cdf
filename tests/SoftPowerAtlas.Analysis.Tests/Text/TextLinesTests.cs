using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Text;

/// <summary>The line breaks found by index answer exactly what a scan of the text answers.</summary>
public sealed class TextLinesTests
{
    private const string Sentence = "คณะผู้แทนจากกรมส่งเสริมวัฒนธรรมเดินทางถึงกรุงโซล The delegation met the Korean Cultural Center on 12 March. ";

    public static TheoryData<string, string> Texts() => new()
    {
        // One line of 40,000 characters and more (the index is used), and short texts (scanned as before).
        { "one long line", string.Concat(Enumerable.Repeat(Sentence, 400)) },
        { "long, a break first and last", "\n" + string.Concat(Enumerable.Repeat(Sentence, 400)) + "\n" },
        { "long, lines and blank lines", string.Concat(Enumerable.Range(0, 400).Select(i => Sentence + (i % 3 == 0 ? "\n\n" : i % 7 == 0 ? "\n" : string.Empty))) },
        { "long, breaks only", new string('\n', TextLines.IndexedLength + 5) },
        { "short", "ข่าว\nวันที่ 5 มี.ค. 2568\n\nThe fair opened." },
        { "one character", "\n" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void LastBreakAndNextBreak_EveryIndex_SameAsScanningTheText(string name, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            Assert.True(text.LastIndexOf('\n', i) == TextLines.LastBreak(text, i), $"{name}: LastBreak at {i}");
            Assert.True(text.IndexOf('\n', i) == TextLines.NextBreak(text, i), $"{name}: NextBreak at {i}");
        }

        // IndexOf allows the index just past the end; LastIndexOf does not (both as the string's methods).
        Assert.Equal(-1, TextLines.NextBreak(text, text.Length));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextLines.LastBreak(text, text.Length));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextLines.NextBreak(text, text.Length + 1));
    }
}
