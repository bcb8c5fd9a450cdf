using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Tests.Text;

public sealed class InvariantCaseTests
{
    [Fact]
    public void ToLowerAndToUpper_EveryUtf16Unit_SameAsRuntime()
    {
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            Assert.Equal(char.ToLowerInvariant(c), InvariantCase.ToLower(c));
            Assert.Equal(char.ToUpperInvariant(c), InvariantCase.ToUpper(c));
        }
    }

    [Theory]
    [InlineData("กระทรวงวัฒนธรรม (Ministry of Culture)", "กระทรวงวัฒนธรรม (ministry of culture)", "กระทรวงวัฒนธรรม (MINISTRY OF CULTURE)")]
    [InlineData("THACCA SPLASH – Soft Power Forum 2024", "thacca splash – soft power forum 2024", "THACCA SPLASH – SOFT POWER FORUM 2024")]
    [InlineData("Đà Nẵng ÉCOLE İstanbul ı ß ǅ", "đà nẵng école İstanbul ı ß ǆ", "ĐÀ NẴNG ÉCOLE İSTANBUL ı ß Ǆ")]
    [InlineData("ΑΘΗΝΑ Москва", "αθηνα москва", "ΑΘΗΝΑ МОСКВА")]
    [InlineData("", "", "")]
    public void ToLowerAndToUpper_MixedScripts_SameAsRuntime(string text, string lower, string upper)
    {
        Assert.Equal(text.ToLowerInvariant(), InvariantCase.ToLower(text));
        Assert.Equal(text.ToUpperInvariant(), InvariantCase.ToUpper(text));
        Assert.Equal(lower, InvariantCase.ToLower(text));
        Assert.Equal(upper, InvariantCase.ToUpper(text));
    }

    [Theory]
    [InlineData("Deseret \U00010400\U00010401 name")]
    [InlineData("emoji 🎉 งานเทศกาล")]
    [InlineData("lone \uD801 high, lone \uDC00 low")]
    public void ToLowerAndToUpper_Surrogates_SameAsRuntime(string text)
    {
        Assert.Equal(text.ToLowerInvariant(), InvariantCase.ToLower(text));
        Assert.Equal(text.ToUpperInvariant(), InvariantCase.ToUpper(text));
    }

    [Fact]
    public void ToLower_LongText_SameAsRuntime()
    {
        var text = string.Concat(Enumerable.Repeat("Thai Film Festival ณ กรุงโซล ", 40));

        Assert.Equal(text.ToLowerInvariant(), InvariantCase.ToLower(text));
    }
}
