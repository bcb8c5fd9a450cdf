using SoftPowerAtlas.Analysis.Segmentation;
using static SoftPowerAtlas.Analysis.Segmentation.TokenKind;

namespace SoftPowerAtlas.Analysis.Tests.Segmentation;

public sealed class PhraseMergerTests
{
    private static readonly WordBreaker Plain = new();

    private static readonly WordBreaker WithNames = new(new PhraseMerger(
    [
        "คุมะมง", "คุมาโมโตะ", "ซอฟต์พาวเวอร์", "กรมการพัฒนาชุมชน", "การพัฒนา", "ณัฏฐิญา เนตยสุภา", "พัฒนาชุม",
    ]));

    [Fact]
    public void Segment_WithoutMerger_IcuSplitsKumamon()
    {
        // The premise of the merger: ICU 72 does not know the name.
        const string text = "คุมะมง";
        TokenAssert.Equal(text, Plain.Segment(text), ("คุ", 0, 2, Word), ("มะมง", 2, 6, Word));
    }

    [Fact]
    public void Segment_NameInsideQuotes_OneWordToken()
    {
        // Seed 001: นาม “หมีคุมะมง” ประจำจังหวัดคุมาโมโตะ
        const string text = "นาม “หมีคุมะมง” ประจำจังหวัดคุมาโมโตะ";
        TokenAssert.Equal(text, WithNames.Segment(text),
            ("นาม", 0, 3, Word), (" ", 3, 4, Space), ("“", 4, 5, Punctuation), ("หมี", 5, 8, Word),
            ("คุมะมง", 8, 14, Word), ("”", 14, 15, Punctuation), (" ", 15, 16, Space), ("ประจำ", 16, 21, Word),
            ("จังหวัด", 21, 28, Word), ("คุมาโมโตะ", 28, 37, Word));
    }

    [Fact]
    public void Segment_RepeatedName_EachOccurrenceMerged()
    {
        const string text = "คุมะมงคุมะมง";
        TokenAssert.Equal(text, WithNames.Segment(text), ("คุมะมง", 0, 6, Word), ("คุมะมง", 6, 12, Word));
    }

    [Fact]
    public void Segment_IcuCutsInsideItsOwnWords_PhraseRepaired()
    {
        // ICU: ซอฟต์|พา|ว|เวอร์ — the cut after ว is inside a word of the phrase; start and end align.
        const string text = "ขับเคลื่อนซอฟต์พาวเวอร์ไทย";
        TokenAssert.Equal(text, WithNames.Segment(text),
            ("ขับ", 0, 3, Word), ("เคลื่อน", 3, 10, Word), ("ซอฟต์พาวเวอร์", 10, 23, Word), ("ไทย", 23, 26, Word));
    }

    [Fact]
    public void Segment_OverlappingPhrases_LongestFromEarliestStartWins()
    {
        // การพัฒนา also matches at "การ", but กรมการพัฒนาชุมชน starts earlier and covers it.
        const string text = "บุคลากรกรมการพัฒนาชุมชน";
        TokenAssert.Equal(text, WithNames.Segment(text), ("บุคลากร", 0, 7, Word), ("กรมการพัฒนาชุมชน", 7, 23, Word));
    }

    [Fact]
    public void Segment_ShorterPhraseAlone_Merged()
    {
        const string text = "ด้านการพัฒนาชุมชน";
        TokenAssert.Equal(text, WithNames.Segment(text),
            ("ด้าน", 0, 4, Word), ("การพัฒนา", 4, 12, Word), ("ชุมชน", 12, 17, Word));
    }

    [Fact]
    public void Segment_PhraseEndingInsideIcuWord_NotMerged()
    {
        // พัฒนาชุม would end inside ชุมชน: merging would cut a real word, so ICU's tokens stay.
        const string text = "พัฒนาชุมชน";
        TokenAssert.Equal(text, WithNames.Segment(text), ("พัฒนา", 0, 5, Word), ("ชุมชน", 5, 10, Word));
    }

    [Fact]
    public void Segment_PhraseWithSpace_EachPartKeptWholeSpaceStays()
    {
        const string text = "นางสาวณัฏฐิญา เนตยสุภา";
        TokenAssert.Equal(text, WithNames.Segment(text),
            ("นาง", 0, 3, Word), ("สาว", 3, 6, Word), ("ณัฏฐิญา", 6, 13, Word), (" ", 13, 14, Space), ("เนตยสุภา", 14, 22, Word));
    }

    [Fact]
    public void Segment_PhraseCutShortByEndOfText_NotMerged()
    {
        const string text = "กรมการพัฒนาชุม";
        var tokens = WithNames.Segment(text);
        Assert.DoesNotContain(tokens, t => t.Length > "การพัฒนา".Length);
        TokenAssert.CoversWithoutGaps(text, tokens);
    }

    [Fact]
    public void Count_BlankDuplicateAndSpacedEntries_CountsDistinctParts()
    {
        var merger = new PhraseMerger(["คุมะมง", "คุมะมง", " ", "", "ณัฏฐิญา เนตยสุภา"]);
        Assert.Equal(3, merger.Count);
    }

    [Fact]
    public void Segment_EmptyMerger_SameAsIcu()
    {
        const string text = "หมีคุมะมง";
        Assert.Equal(Plain.Segment(text), new WordBreaker(new PhraseMerger([])).Segment(text));
    }
}
