using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Text;

public class MappedTextTests
{
    [Theory]
    [InlineData(0, 9, 0, 19)] // the heading read first, then the body: the whole of both
    [InlineData(0, 5, 14, 19)] // the heading alone
    [InlineData(5, 9, 0, 4)] // the body alone
    [InlineData(3, 7, 0, 19)] // across the jump
    public void ToOriginal_TextOutOfTheOriginalsOrder_SpanCoversAllNeverBackwards(int start, int end, int originalStart, int originalEnd)
    {
        // Original "ข่าว ... ไทยญี่ปุ่น": markup moved the heading (original 14..19) before the body (0..4).
        var text = new MappedText.Builder(originalLength: 19)
            .AppendCopied("ไทยญี", 14)
            .AppendCopied("ข่าว", 0)
            .Build();

        var span = text.ToOriginal(start, end);

        Assert.Equal(new TextSpan(originalStart, originalEnd), span);
        Assert.True(span.Start <= span.End);
    }
}
