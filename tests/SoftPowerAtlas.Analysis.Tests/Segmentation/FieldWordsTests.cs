using SoftPowerAtlas.Analysis.Segmentation;

namespace SoftPowerAtlas.Analysis.Tests.Segmentation;

public class FieldWordsTests
{
    [Theory]
    [InlineData("ไทยผลักดันซอฟต์พาวเวอร์ด้านอาหาร", "ซอฟต์พาวเวอร์", 10)]
    [InlineData("เชิญอินฟลูเอนเซอร์ชาวญี่ปุ่นมาเที่ยว", "อินฟลูเอนเซอร์", 4)]
    [InlineData("งานไทยแลนด์เบียนนาเล่ครั้งที่ 4", "เบียนนาเล่", 11)]
    [InlineData("นักพัฒนาเกมและอีสปอร์ตส์", "อีสปอร์ตส์", 14)]
    [InlineData("ภาพลักษณ์ของประเทศ", "ภาพลักษณ์", 0)]
    public void Segment_FieldWordInASentence_OneTokenAtItsOffsets(string text, string word, int start)
    {
        var tokens = TestText.Shared.Words.Segment(text);

        var token = Assert.Single(tokens, t => t.Start == start);
        Assert.Equal(start + word.Length, token.End);
        Assert.Equal(word, text[token.Start..token.End]);
        Assert.True(token.IsWordLike);
    }

    [Theory]
    [InlineData("ซอฟต์พาวเวอร์", "ซอฟต์|พา|ว|เวอร์")]
    [InlineData("นโยบายซอฟต์พาวเวอร์", "นโยบาย|ซอฟต์|พา|ว|เวอร์")]
    public void WordsBeforeFieldWords_FieldWord_CutAsStoresBeforeTheLexiconHoldIt(string text, string pieces)
    {
        var tokens = TestText.Shared.WordsBeforeFieldWords.Segment(text);

        Assert.Equal(pieces, string.Join('|', tokens.Select(t => text[t.Start..t.End])));
    }

    [Fact]
    public void All_EveryWord_IcuAloneCutsItAndTheLexiconKeepsItWhole()
    {
        Assert.True(FieldWords.All.Count >= 50, FieldWords.All.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var word in FieldWords.All)
        {
            Assert.DoesNotContain(' ', word);
            Assert.True(TestText.Shared.WordsBeforeFieldWords.Segment(word).Count > 1, $"{word} is already whole without the lexicon");
            Assert.Equal(word.Length, Assert.Single(TestText.Shared.Words.Segment(word)).End);
        }
    }
}
