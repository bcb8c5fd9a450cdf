using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Tests.Facts;

public sealed class CommitmentKeyTests
{
    private const string Hash = "0f0e0d0c0b0a09080706050403020100f0e0d0c0b0a090807060504030201000";

    [Fact]
    public void Compute_SameSentenceWrappedDifferently_SameKey()
    {
        var a = CommitmentKey.Compute(Hash, "กรมพลศึกษารับจะจัดทำหลักสูตร\r\n  ให้แล้วเสร็จภายในเดือนธันวาคม 2567", "2024-12", 0);
        var b = CommitmentKey.Compute(Hash, " กรมพลศึกษารับจะจัดทำหลักสูตร ให้แล้วเสร็จภายในเดือนธันวาคม 2567 ", "2024-12", 0);

        Assert.Equal(a, b);
        Assert.Equal(CommitmentKey.Length, a.Length);
        Assert.True(a.All(char.IsAsciiHexDigitLower));
    }

    [Fact]
    public void Compute_AnyPartDiffers_KeyDiffers()
    {
        var key = CommitmentKey.Compute(Hash, "will reply by March 31, 2025.", "2025-03-31", 0);

        Assert.NotEqual(key, CommitmentKey.Compute(Hash.Replace('0', '1'), "will reply by March 31, 2025.", "2025-03-31", 0));
        Assert.NotEqual(key, CommitmentKey.Compute(Hash, "will reply by March 30, 2025.", "2025-03-31", 0));
        Assert.NotEqual(key, CommitmentKey.Compute(Hash, "will reply by March 31, 2025.", "2025-03", 0));
        Assert.NotEqual(key, CommitmentKey.Compute(Hash, "will reply by March 31, 2025.", "2025-03-31", 1));
        Assert.NotEqual(key, CommitmentKey.Compute(Hash, "will reply by March 31, 2025.", null, 0));
    }

    [Theory]
    [InlineData("18209f", true)]
    [InlineData("18209FC3C92D6981", true)]
    [InlineData("18209", false)]
    [InlineData("18209fc3c92d69810", false)]
    [InlineData("18209g", false)]
    [InlineData("#12", false)]
    [InlineData("", false)]
    public void IsPrefix_TypedId_AcceptsHexOfSixToSixteen(string text, bool expected) =>
        Assert.Equal(expected, CommitmentKey.IsPrefix(text));
}
