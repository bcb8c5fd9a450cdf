using System.Text.RegularExpressions;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Text;

public class ThaiNormalizerTests
{
    [Theory]
    [InlineData("ทํางาน", "ทำงาน")]
    [InlineData("น\u0E49\u0E4D\u0E32", "น\u0E49\u0E33")]
    [InlineData("ผู้\u200Bจัดการ", "ผู้จัดการ")]
    [InlineData("soft\u00ADpower\u2060!\uFEFF", "softpower!")]
    [InlineData("นาย\u00A0สมชาย", "นาย สมชาย")]
    [InlineData("นางสาวอาภรณ์  เพชรรัตน์", "นางสาวอาภรณ์ เพชรรัตน์")]
    [InlineData("a \t b\tc", "a b\tc")]
    [InlineData("ปี ๒๕๖๗", "ปี 2567")]
    [InlineData("line one  \r\nline two\t\r\n", "line one\nline two\n")]
    [InlineData("a\rb", "a\nb")]
    [InlineData("Cafe\u0301", "Café")]
    [InlineData("ก\u0E48\u0E38", "ก\u0E38\u0E48")]
    [InlineData("  indented", " indented")]
    public void Normalize_Rule_ProducesExpectedText(string input, string expected)
    {
        Assert.Equal(expected, ThaiNormalizer.Normalize(MappedText.Identity(input)).Text);
    }

    [Theory]
    [InlineData("ก\\uFFFEข", 1, 1)]
    [InlineData("ก\\uFFFFข", 1, 1)]
    [InlineData("ก\\uFDD0ข", 1, 1)]
    [InlineData("ก\\uD83F\\uDFFEข", 1, 2)]
    [InlineData("ก\\uDBFF\\uDFFFข", 1, 2)]
    [InlineData("ก\\uD800ข", 1, 1)]
    [InlineData("ก\\uDC00ข", 1, 1)]
    [InlineData("๒๕๖๗\\uFFFE  ภาพยนตร์", 4, 1)]
    public void Normalize_NoncharacterOrLoneSurrogate_ReplacedMappedToItsUnits(string escaped, int at, int units)
    {
        // Escaped in the attribute: a compiler writes a lone surrogate into metadata as U+FFFD.
        var input = Regex.Unescape(escaped);
        var result = ThaiNormalizer.Normalize(MappedText.Identity(input));

        Assert.Equal(UnicodeText.Replacement, result.Text[at]);
        Assert.Equal(1, result.Text.Count(c => c == UnicodeText.Replacement));
        Assert.Equal(new TextSpan(at, at + units), result.OriginalOf(at));
        Assert.Equal(input[^1], result.Text[^1]);
        Assert.Equal(new TextSpan(input.Length - 1, input.Length), result.OriginalOf(result.Length - 1));
    }

    [Theory]
    [InlineData("\\uD83D\\uDE00 ยิ้ม", false)]
    [InlineData("\\uFFFD", false)]
    [InlineData("\\uFFFC\\uFFFB", false)]
    [InlineData("\\uFFFE", true)]
    [InlineData("\\uFDEF", true)]
    [InlineData("a\\uDFFF", true)]
    [InlineData("\\uD83F\\uDFFF", true)]
    [InlineData("\\uDBFF", true)]
    public void HasInvalid_Characters_OnlyNoncharactersAndLoneHalves(string escaped, bool expected)
    {
        var text = Regex.Unescape(escaped);
        Assert.Equal(expected, UnicodeText.HasInvalid(text));
        Assert.Equal(expected, UnicodeText.Replace(text) != text);
    }

    [Theory]
    [InlineData("ทำงาน")]
    [InlineData("Thailand and France\nsign an MOU.")]
    [InlineData("")]
    public void Normalize_NothingToChange_ReturnsTheSameInstance(string input)
    {
        var text = MappedText.Identity(input);

        Assert.Same(text, ThaiNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_DecomposedSaraAm_MapsToBothOriginalCharacters()
    {
        var result = ThaiNormalizer.Normalize(MappedText.Identity("ทํางาน"));

        Assert.Equal(new TextSpan(0, 1), result.OriginalOf(0));
        Assert.Equal(new TextSpan(1, 3), result.OriginalOf(1));
        Assert.Equal(new TextSpan(3, 4), result.OriginalOf(2));
        Assert.Equal(new TextSpan(0, 6), result.ToOriginal(0, result.Length));
    }

    [Fact]
    public void Normalize_SaraAmWithToneBetween_KeepsToneAndMapsSaraAmOverTheGroup()
    {
        var result = ThaiNormalizer.Normalize(MappedText.Identity("ค\u0E4D\u0E49\u0E32"));

        Assert.Equal("ค\u0E49\u0E33", result.Text);
        Assert.Equal(new TextSpan(2, 3), result.OriginalOf(1));
        Assert.Equal(new TextSpan(1, 4), result.OriginalOf(2));
    }

    [Fact]
    public void Normalize_ZeroWidthRemoved_LaterOffsetsShift()
    {
        const string original = "ไทย\u200Bฝรั่งเศส\u200B\u200Bญี่ปุ่น";
        var result = ThaiNormalizer.Normalize(MappedText.Identity(original));
        var at = result.Text.IndexOf("ญี่ปุ่น", StringComparison.Ordinal);

        Assert.Equal("ไทยฝรั่งเศสญี่ปุ่น", result.Text);
        var span = result.ToOriginal(at, at + "ญี่ปุ่น".Length);
        Assert.Equal("ญี่ปุ่น", original[span.Start..span.End]);
        Assert.Equal(original.IndexOf('ญ', StringComparison.Ordinal), span.Start);
    }

    [Fact]
    public void Normalize_ThaiDigits_MapOneToOne()
    {
        const string original = "วันที่ ๒๙ พ.ค.";
        var result = ThaiNormalizer.Normalize(MappedText.Identity(original));
        var at = result.Text.IndexOf("29", StringComparison.Ordinal);

        Assert.Equal(new TextSpan(7, 9), result.ToOriginal(at, at + 2));
        Assert.Equal("๒๙", original[7..9]);
    }

    [Fact]
    public void Normalize_DoubleSpace_MapsToTheWholeRun()
    {
        var result = ThaiNormalizer.Normalize(MappedText.Identity("ก  \u00A0ข"));

        Assert.Equal("ก ข", result.Text);
        Assert.Equal(new TextSpan(1, 4), result.OriginalOf(1));
        Assert.Equal(new TextSpan(4, 5), result.OriginalOf(2));
    }

    [Fact]
    public void Normalize_CrLf_MapsNewlineToBothCharacters()
    {
        var result = ThaiNormalizer.Normalize(MappedText.Identity("ก\r\nข"));

        Assert.Equal(new TextSpan(1, 3), result.OriginalOf(1));
        Assert.Equal(new TextSpan(3, 4), result.OriginalOf(2));
    }

    [Fact]
    public void Normalize_MappedInput_ComposesMapsOntoTheOriginal()
    {
        var builder = new MappedText.Builder(20);
        builder.AppendCopied("ทํา", 10);
        var result = ThaiNormalizer.Normalize(builder.Build());

        Assert.Equal("ทำ", result.Text);
        Assert.Equal(new TextSpan(11, 13), result.OriginalOf(1));
    }
}
