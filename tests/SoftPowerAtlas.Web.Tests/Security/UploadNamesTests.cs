using SoftPowerAtlas.Web.Ingest;

namespace SoftPowerAtlas.Web.Tests.Security;

public sealed class UploadNamesTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\x.txt", "x.txt")]
    [InlineData("/etc/shadow.txt", "shadow.txt")]
    [InlineData("C:\\Users\\a\\ข่าว.txt", "ข่าว.txt")]
    [InlineData("ข่าว\0.txt", "ข่าว.txt")]
    [InlineData("a\u202Etxt.exe.txt", "atxt.exe.txt")]
    [InlineData(" .hidden.md ", "hidden.md")]
    [InlineData("..", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Sanitize_PathsAndHiddenCharacters_LastPartOnly(string? sent, string expected)
    {
        Assert.Equal(expected, UploadNames.Sanitize(sent));
    }

    [Fact]
    public void Sanitize_VeryLongName_CutKeepingExtensionAndWholeCharacters()
    {
        var name = new string('ก', 150) + string.Concat(Enumerable.Repeat("😀", 100)) + ".html";

        var cut = UploadNames.Sanitize(name);

        Assert.True(cut.Length <= UploadNames.MaxLength, $"{cut.Length} characters");
        Assert.EndsWith(".html", cut, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(cut[^6]), "a surrogate pair was cut in half");
        Assert.StartsWith(new string('ก', 150) + "😀", cut, StringComparison.Ordinal);
    }
}
