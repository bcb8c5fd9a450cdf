using SoftPowerAtlas.Analysis.Engagements;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Engagements;

public class ClauseSplitterTests
{
    private static readonly ClauseSplitter Splitter = new();

    [Theory]
    [InlineData("อพท. จะยื่นเสนอเมืองน่านต่อยูเนสโกในปี 2568 และจะส่งผู้เชี่ยวชาญลงพื้นที่", new[] { "อพท. จะยื่นเสนอเมืองน่านต่อยูเนสโกในปี 2568", "และจะส่งผู้เชี่ยวชาญลงพื้นที่" })]
    [InlineData("กรมศิลปากรลงนามกับจังหวัดซากะ โดยทั้งสองฝ่ายจะแลกเปลี่ยนนักวิชาการ", new[] { "กรมศิลปากรลงนามกับจังหวัดซากะ", "โดยทั้งสองฝ่ายจะแลกเปลี่ยนนักวิชาการ" })]
    [InlineData("The agency signed the MOU, and it will open a studio in 2025.", new[] { "The agency signed the MOU", "and it will open a studio in 2025." })]
    [InlineData("Training starts in May; an exhibition follows in June", new[] { "Training starts in May", "an exhibition follows in June" })]
    [InlineData("Thailand and Japan signed", new[] { "Thailand and Japan signed" })]
    [InlineData("ไทยและญี่ปุ่นลงนาม", new[] { "ไทยและญี่ปุ่นลงนาม" })]
    public void Split_Sentence_ClausesAtConnectives(string sentence, string[] clauses)
    {
        var spans = Splitter.Split(sentence, new TextSpan(0, sentence.Length));

        Assert.Equal(clauses, spans.Select(s => sentence[s.Start..s.End]));
    }

    [Fact]
    public void Split_SentenceInsideText_OffsetsIntoTheText()
    {
        const string text = "หัวข้อข่าว\nกรมฯ จะจัดงาน และจะเชิญศิลปิน\nบรรทัดสุดท้าย";
        var sentence = new TextSpan(11, 40);

        var spans = Splitter.Split(text, sentence);

        Assert.Equal([new TextSpan(11, 24), new TextSpan(25, 40)], spans);
        Assert.Equal("และจะเชิญศิลปิน", text[25..40]);
    }
}
