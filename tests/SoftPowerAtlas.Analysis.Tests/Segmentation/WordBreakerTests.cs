using System.Text;
using SoftPowerAtlas.Analysis.Segmentation;
using static SoftPowerAtlas.Analysis.Segmentation.TokenKind;

namespace SoftPowerAtlas.Analysis.Tests.Segmentation;

public sealed class WordBreakerTests
{
    private static readonly WordBreaker Breaker = new();

    [Fact]
    public void Segment_ThaiAgencyName_DictionaryWordsWithOffsets()
    {
        // Seed 001. Without reference data ICU cuts the agency name into its dictionary words.
        const string text = "เข้าพบบุคลากรกรมการพัฒนาชุมชน เพื่อหารือ";
        TokenAssert.Equal(text, Breaker.Segment(text),
            ("เข้า", 0, 4, Word), ("พบ", 4, 6, Word), ("บุคลากร", 6, 13, Word), ("กรม", 13, 16, Word),
            ("การ", 16, 19, Word), ("พัฒนา", 19, 24, Word), ("ชุมชน", 24, 29, Word), (" ", 29, 30, Space),
            ("เพื่อ", 30, 35, Word), ("หารือ", 35, 40, Word));
    }

    [Fact]
    public void Segment_TransliteratedLoanWord_IcuCutsItInPieces()
    {
        // Seed 001: ICU 72's dictionary lacks ซอฟต์พาวเวอร์; PhraseMerger exists for this.
        const string text = "จับมือขับเคลื่อนซอฟต์พาวเวอร์ไทย-ญี่ปุ่น";
        TokenAssert.Equal(text, Breaker.Segment(text),
            ("จับ", 0, 3, Word), ("มือ", 3, 6, Word), ("ขับ", 6, 9, Word), ("เคลื่อน", 9, 16, Word),
            ("ซอฟต์", 16, 21, Word), ("พา", 21, 23, Word), ("ว", 23, 24, Word), ("เวอร์", 24, 29, Word),
            ("ไทย", 29, 32, Word), ("-", 32, 33, Punctuation), ("ญี่ปุ่น", 33, 40, Word));
    }

    [Fact]
    public void Segment_ThaiMixedWithLatin_LatinWordsWhole()
    {
        const string text = "พร้อมด้วยคณะ Kumamon Group สำนักงาน";
        TokenAssert.Equal(text, Breaker.Segment(text),
            ("พร้อม", 0, 5, Word), ("ด้วย", 5, 9, Word), ("คณะ", 9, 12, Word), (" ", 12, 13, Space),
            ("Kumamon", 13, 20, Word), (" ", 20, 21, Space), ("Group", 21, 26, Word), (" ", 26, 27, Space),
            ("สำนักงาน", 27, 35, Word));
    }

    [Fact]
    public void Segment_NumberWithThousandsSeparator_OneNumberToken()
    {
        const string text = "ยอดจำหน่ายกว่า 3,860 ล้านเยน";
        TokenAssert.Equal(text, Breaker.Segment(text),
            ("ยอด", 0, 3, Word), ("จำหน่าย", 3, 10, Word), ("กว่า", 10, 14, Word), (" ", 14, 15, Space),
            ("3,860", 15, 20, Number), (" ", 20, 21, Space), ("ล้าน", 21, 25, Word), ("เยน", 25, 28, Word));
    }

    [Fact]
    public void Segment_ThaiAbbreviationAndBracketedDate_PunctuationSeparate()
    {
        // Seed 000: "(29 พ.ค. 67)"; Thai digits are converted to ASCII before this stage.
        const string text = "เมื่อวานนี้ (29 พ.ค. 67) มีการพบปะ";
        TokenAssert.Equal(text, Breaker.Segment(text),
            ("เมื่อ", 0, 5, Word), ("วาน", 5, 8, Word), ("นี้", 8, 11, Word), (" ", 11, 12, Space),
            ("(", 12, 13, Punctuation), ("29", 13, 15, Number), (" ", 15, 16, Space), ("พ.ค", 16, 19, Word),
            (".", 19, 20, Punctuation), (" ", 20, 21, Space), ("67", 21, 23, Number), (")", 23, 24, Punctuation),
            (" ", 24, 25, Space), ("มี", 25, 27, Word), ("การ", 27, 30, Word), ("พบปะ", 30, 34, Word));
    }

    [Fact]
    public void Segment_DoubleSpaceAndPaiyannoi_SpaceRunIsOneToken()
    {
        // Seed 004: ฯ stays with its word; a run of spaces is one Space token.
        const string text = "รองปลัดฯ ณัฏฐิญา  เร่งเครื่อง";
        TokenAssert.Equal(text, Breaker.Segment(text),
            ("รอง", 0, 3, Word), ("ปลัดฯ", 3, 8, Word), (" ", 8, 9, Space), ("ณัฏฐิญา", 9, 16, Word),
            ("  ", 16, 18, Space), ("เร่ง", 18, 22, Word), ("เครื่อง", 22, 29, Word));
    }

    [Fact]
    public void Segment_CrLf_OneSpaceToken()
    {
        const string text = "ก\r\nข";
        TokenAssert.Equal(text, Breaker.Segment(text), ("ก", 0, 1, Word), ("\r\n", 1, 3, Space), ("ข", 3, 4, Word));
    }

    [Fact]
    public void Segment_EnglishTitleAbbreviation_LettersKeepInnerDot()
    {
        const string text = "H.E. Mr. Moon";
        TokenAssert.Equal(text, Breaker.Segment(text),
            ("H.E", 0, 3, Word), (".", 3, 4, Punctuation), (" ", 4, 5, Space), ("Mr", 5, 7, Word),
            (".", 7, 8, Punctuation), (" ", 8, 9, Space), ("Moon", 9, 13, Word));
    }

    [Fact]
    public void Segment_Ideographs_IdeographicKind()
    {
        const string text = "熊本 ไทย";
        TokenAssert.Equal(text, Breaker.Segment(text), ("熊本", 0, 2, Ideographic), (" ", 2, 3, Space), ("ไทย", 3, 6, Word));
    }

    [Fact]
    public void Segment_Empty_NoTokens()
    {
        Assert.Empty(Breaker.Segment(string.Empty));
        var output = new List<Token>();
        Breaker.Segment(ReadOnlySpan<char>.Empty, output);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("    ")]
    [InlineData("\u00A0")]
    public void Segment_SpaceRun_OneSpaceToken(string text)
    {
        TokenAssert.Equal(text, Breaker.Segment(text), (text, 0, text.Length, Space));
    }

    [Fact]
    public void Segment_TabBetweenSpaces_IcuKeepsOnlyLikeSpacesTogether()
    {
        const string text = "   \t ";
        TokenAssert.Equal(text, Breaker.Segment(text), ("   ", 0, 3, Space), ("\t", 3, 4, Space), (" ", 4, 5, Space));
    }

    [Theory]
    [InlineData("ห้อง 5001ชั้น", new[] { "ห้อง", " ", "5001", "ชั้น" }, new[] { Word, Space, Number, Word })]
    [InlineData("ครั้งที่1-2", new[] { "ครั้ง", "ที่", "1", "-", "2" }, new[] { Word, Word, Number, Punctuation, Number })]
    [InlineData("3,860บาท", new[] { "3,860", "บาท" }, new[] { Number, Word })]
    [InlineData("ชั้น5", new[] { "ชั้น", "5" }, new[] { Word, Number })]
    [InlineData("COVID19 ไทย", new[] { "COVID19", " ", "ไทย" }, new[] { Number, Space, Word })]
    public void Segment_DigitsTouchingThai_SplitApart(string text, string[] words, TokenKind[] kinds)
    {
        var tokens = Breaker.Segment(text);
        Assert.Equal(words, tokens.Select(t => text[t.Start..t.End]));
        Assert.Equal(kinds, tokens.Select(t => t.Kind));
        TokenAssert.CoversWithoutGaps(text, tokens);
    }

    [Fact]
    public void Segment_BlankLines_EachLineBreakItsOwnSpaceToken()
    {
        const string text = "  \n\n ";
        TokenAssert.Equal(text, Breaker.Segment(text),
            ("  ", 0, 2, Space), ("\n", 2, 3, Space), ("\n", 3, 4, Space), (" ", 4, 5, Space));
    }

    [Theory]
    [InlineData("ไทย👍🏽ญี่ปุ่น", 3, 7)]
    [InlineData("ok 😀 ok", 3, 5)]
    [InlineData("ครอบครัว👨‍👩‍👧", 8, 16)]
    public void Segment_Emoji_NeverSplitsSurrogatePairs(string text, int emojiStart, int emojiEnd)
    {
        var tokens = Breaker.Segment(text);
        TokenAssert.CoversWithoutGaps(text, tokens);
        Assert.Contains(new Token(emojiStart, emojiEnd, Punctuation), tokens);
        Assert.All(tokens, t => Assert.False(char.IsLowSurrogate(text[t.Start]), $"token starts inside a pair at {t.Start}"));
    }

    [Fact]
    public void Segment_SpanIntoNonEmptyList_AppendsWithSpanRelativeOffsets()
    {
        const string text = "xxไปญี่ปุ่นxx";
        var output = new List<Token> { new(0, 1, Word) };
        Breaker.Segment(text.AsSpan(2, 9), output);
        Assert.Equal([new Token(0, 1, Word), new Token(0, 2, Word), new Token(2, 9, Word)], output);
    }

    [Fact]
    public void Segment_OneMegabyte_CountsEveryRepeatAndCoversText()
    {
        const string paragraph = "นายกรัฐมนตรีเดินทางไปญี่ปุ่น พร้อมด้วยคณะ Kumamon Group ยอด 3,860 ล้านเยน 😀\n";
        var perParagraph = Breaker.Segment(paragraph).Count;
        var repeats = (1 << 20) / paragraph.Length + 1;
        var text = new StringBuilder(paragraph.Length * repeats).Insert(0, paragraph, repeats).ToString();

        var tokens = Breaker.Segment(text);

        Assert.True(text.Length >= 1 << 20);
        Assert.Equal(perParagraph * repeats, tokens.Count);
        TokenAssert.CoversWithoutGaps(text, tokens);
    }

    [Fact]
    public void Segment_ParallelOnSharedInstance_SameTokensAsSequential()
    {
        var breaker = new WordBreaker(new PhraseMerger(["คุมะมง", "ซอฟต์พาวเวอร์", "กรมการพัฒนาชุมชน"]));
        string[] texts =
        [
            "สวธ. และคณะ Osaka Craft Club ร่วมหารือ จับมือพัฒนาซอฟต์พาวเวอร์ไทย-ญี่ปุ่น",
            "การแสดงมาสคอตประจำจังหวัด “คุมะมง แด๊นซ์ (Kumamon Dance)” บนเวทีกลาง",
            "March 14, 2023, at 14.15 hrs, at the Santi Maitri Building, Government House",
            "เข้าพบบุคลากรกรมการพัฒนาชุมชน ณ ห้องประชุม 5001 ชั้น 5",
        ];
        var expected = texts.Select(t => breaker.Segment(t).ToArray()).ToArray();
        var results = new Token[1000][];

        Parallel.For(0, results.Length, i => results[i] = [.. breaker.Segment(texts[i % texts.Length])]);

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], results[i]);
        }
    }

    [Fact]
    public void Segment_RandomMixedText_CoversTextAndKeepsSurrogatePairs()
    {
        string[] pieces = ["ก", "ข", "ไ", "่", "ั", "์", "a", "Z", "1", ",", ".", " ", "  ", "\n", "\r\n", "😀", "👍🏽", "-", "“", "ฯ", "漢"];
        var random = new Random(20240529);
        for (var round = 0; round < 500; round++)
        {
            var builder = new StringBuilder();
            var count = random.Next(0, 60);
            for (var i = 0; i < count; i++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }

            var text = builder.ToString();
            var tokens = Breaker.Segment(text);
            TokenAssert.CoversWithoutGaps(text, tokens);
            Assert.All(tokens, t => Assert.False(char.IsLowSurrogate(text[t.Start]), $"'{text}' split at {t.Start}"));
        }
    }
}
