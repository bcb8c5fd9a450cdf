using SoftPowerAtlas.Analysis.Segmentation;

namespace SoftPowerAtlas.Analysis.Tests.Segmentation;

public sealed class SentenceSplitterTests
{
    private static readonly WordBreaker Breaker = new();

    private static string[] Sentences(string text) =>
        [.. SentenceSplitter.Default.Split(text, Breaker.Segment(text)).Select(s => text[s.Start..s.End])];

    [Fact]
    public void Split_EnglishWithTitles_TitlesDoNotEndSentences()
    {
        // As a government release writes it: H.E. Mr., a country's short name in brackets, a colon at the end.
        const string text = "Pichai Rungsiri met with H.E. Mr. Park Jae-won, Ambassador of the Republic of Korea (ROK) to the Kingdom of Thailand. Main points of the talks are as follows:";
        Assert.Equal(
            [
                "Pichai Rungsiri met with H.E. Mr. Park Jae-won, Ambassador of the Republic of Korea (ROK) to the Kingdom of Thailand.",
                "Main points of the talks are as follows:",
            ],
            Sentences(text));
    }

    [Theory]
    [InlineData("Prime Minister and Defense Minister Gen. Prayut Chan-o-cha met.")]
    [InlineData("The meeting on Jan. 11 was held at No. 1 Road.")]
    [InlineData("Dr. Smith met John F. Kennedy.")]
    [InlineData("It opened at 10.30 hrs. today.")]
    [InlineData("The U.S. Embassy joined.")]
    [InlineData("(Mr. Lee) agreed.")]
    public void Split_AbbreviationsAndInitials_OneSentence(string text)
    {
        Assert.Equal([text], Sentences(text));
    }

    [Theory]
    [InlineData("Is it ready? Yes. It is.", new[] { "Is it ready?", "Yes.", "It is." })]
    [InlineData("He said \"Go.\" Then he left.", new[] { "He said \"Go.\"", "Then he left." })]
    [InlineData("It works! (Really) it does.", new[] { "It works!", "(Really) it does." })]
    [InlineData("The end.", new[] { "The end." })]
    [InlineData("Wait... what?", new[] { "Wait... what?" })]
    public void Split_LatinTerminators_SplitBeforeCapitalOrEnd(string text, string[] expected)
    {
        Assert.Equal(expected, Sentences(text));
    }

    [Fact]
    public void Split_ThaiLines_EachLineASentence()
    {
        const string text = "พช. และคณะ Kumamong Group ร่วมวงหารือ\n\n5 กุมภาพันธ์ 2567  นาย Kiyochi Uchida หัวหน้าสำนักงาน\r\nจบ";
        Assert.Equal(["พช. และคณะ Kumamong Group ร่วมวงหารือ", "5 กุมภาพันธ์ 2567  นาย Kiyochi Uchida หัวหน้าสำนักงาน", "จบ"], Sentences(text));
    }

    [Fact]
    public void Split_ThaiSpacesAndQuotedNames_NotSentenceEnds()
    {
        // Spaces separate clauses and quoted names inside one sentence.
        const string text = "มีการพบปะพูดคุยระหว่าง “ม.ล.ปิยะพงศ์ ทองใหญ่” ประธานอนุกรรมการฯ และ “สุดา แสงทอง” “วิชัย มั่นคง” คณะอนุกรรมการฯ ด้านหัตถกรรม";
        Assert.Equal([text], Sentences(text));
    }

    [Fact]
    public void Split_ThaiDotAbbreviationThenThai_NoSplit()
    {
        const string text = "เวลา 10.30 น. ที่ทำเนียบรัฐบาล (พ.ศ. 2563 - 2565) จ. น่าน";
        Assert.Equal([text], Sentences(text));
    }

    [Fact]
    public void Split_ThaiExclamationThenThai_Splits()
    {
        // A headline with an exclamation in the middle.
        const string text = "ญี่ปุ่นจริงจัง! ขยายความร่วมมือด้านอาหารไทยกับกรุงเทพมหานคร";
        Assert.Equal(["ญี่ปุ่นจริงจัง!", "ขยายความร่วมมือด้านอาหารไทยกับกรุงเทพมหานคร"], Sentences(text));
    }

    [Fact]
    public void Split_ThaiFinalParticleThenThai_Splits()
    {
        const string text = "ขอบคุณมากครับ วันนี้เราจะพูดถึงซอฟต์พาวเวอร์ค่ะ OK";
        Assert.Equal(["ขอบคุณมากครับ", "วันนี้เราจะพูดถึงซอฟต์พาวเวอร์ค่ะ OK"], Sentences(text));
    }

    [Fact]
    public void Split_Offsets_TrimmedSpansIntoText()
    {
        const string text = "  One. Two.  \n  สาม  ";
        Assert.Equal(
            [new SoftPowerAtlas.Analysis.Text.TextSpan(2, 6), new SoftPowerAtlas.Analysis.Text.TextSpan(7, 11), new SoftPowerAtlas.Analysis.Text.TextSpan(16, 19)],
            SentenceSplitter.Default.Split(text, Breaker.Segment(text)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\r\n \n")]
    public void Split_NothingButSpace_NoSentences(string text)
    {
        Assert.Empty(Sentences(text));
    }

    [Fact]
    public void Default_LoadsAbbreviationsFromData()
    {
        // A splitter with no lists splits after "Mr.", the default one does not: the file was read.
        const string text = "Mr. Moon came.";
        var bare = new SentenceSplitter([], []);
        Assert.Equal(2, bare.Split(text, Breaker.Segment(text)).Count);
        Assert.Single(Sentences(text));
    }

    [Theory]
    [InlineData("The festival week brings craft, food and film to the riverside ", ' ')]
    [InlineData("การประชุมหารือความร่วมมือด้านอุตสาหกรรมสร้างสรรค์ระหว่างหน่วยงานไทยและต่างประเทศ", null)]
    public void Split_RunPastTheCap_CutIntoSentencesOfAtMostMaxCharsAtWordEnds(string piece, char? space)
    {
        var text = string.Concat(Enumerable.Repeat(piece, (3 * SentenceSplitter.MaxChars / piece.Length) + 1)).TrimEnd();
        var tokens = Breaker.Segment(text);
        var sentences = SentenceSplitter.Default.Split(text, tokens);

        Assert.True(sentences.Count >= 3, $"{sentences.Count} sentences");
        Assert.All(sentences.SkipLast(1), s => Assert.InRange(s.Length, SentenceSplitter.MaxChars / 2, SentenceSplitter.MaxChars));
        Assert.InRange(sentences[^1].Length, 1, SentenceSplitter.MaxChars);
        Assert.Equal(0, sentences[0].Start);
        Assert.Equal(text.Length, sentences[^1].End);
        var starts = tokens.Select(t => t.Start).ToHashSet();
        for (var i = 1; i < sentences.Count; i++)
        {
            // Nothing but white space between two cut pieces, and each piece starts a word.
            Assert.True(string.IsNullOrWhiteSpace(text[sentences[i - 1].End..sentences[i].Start]));
            Assert.Contains(sentences[i].Start, starts);
            if (space is { } c)
            {
                Assert.Equal(c, text[sentences[i].Start - 1]);
            }
        }
    }

    [Fact]
    public void Split_SentencesUnderTheCap_Unchanged()
    {
        var sentence = new string('ก', SentenceSplitter.MaxChars - 1) + ".";
        Assert.Equal([sentence], Sentences("  " + sentence + "  "));
    }
}
