namespace SoftPowerAtlas.Storage.Tests;

public sealed class NewDocumentTests
{
    [Theory]
    [InlineData("thai")]
    [InlineData("TH")]
    [InlineData("")]
    public void Language_NotInContract_Throws(string language) =>
        Assert.Throws<ArgumentException>(() => Samples.Numbered(1) with { Language = language });

    [Theory]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("abc")]
    public void ContentHash_NotLowerHexSha256_Throws(string hash) =>
        Assert.Throws<ArgumentException>(() => Samples.Numbered(1) with { ContentHash = hash });

    // Built in code: attribute arguments are stored as UTF-8, which would turn a lone surrogate into U+FFFD.
    [Theory]
    [InlineData(0xD83C, true)] // high surrogate at the end
    [InlineData(0xDF5C, false)] // low surrogate at the start
    public void OriginalText_UnpairedSurrogate_Throws(int surrogate, bool atEnd)
    {
        var text = atEnd ? "ข่าว" + (char)surrogate : (char)surrogate + "ข่าว";

        var error = Assert.Throws<ArgumentException>(() => Samples.Numbered(1) with { OriginalText = text });
        Assert.Contains("unpaired surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OriginalText_SurrogatePair_Accepted() =>
        Assert.Equal("ข่าว🍜", (Samples.Numbered(1) with { OriginalText = "ข่าว🍜" }).OriginalText);

    [Theory]
    [InlineData(5_000_000, 500)]
    [InlineData(501, 500)]
    [InlineData(500, 500)]
    [InlineData(12, 12)]
    public void Title_Huge_CutToTheLimitWithAnEllipsis(int length, int kept)
    {
        var title = string.Concat(Enumerable.Repeat("เทศกาลอาหารไทย ", (length / 15) + 1))[..length];

        var stored = (Samples.Numbered(1) with { Title = title }).Title!;

        Assert.Equal(kept, stored.Length);
        Assert.Equal(length > NewDocument.MaxTitleLength, stored.EndsWith('…'));
        Assert.StartsWith(stored.TrimEnd('…'), title, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_CutInsideASurrogatePair_KeepsThePairWhole()
    {
        var title = new string('ก', NewDocument.MaxTitleLength - 2) + "🍜🍜🍜";

        var stored = (Samples.Numbered(1) with { Title = title }).Title!;

        Assert.Equal(new string('ก', NewDocument.MaxTitleLength - 2) + "…", stored);
    }
}
