using SoftPowerAtlas.Web.Documents;

namespace SoftPowerAtlas.Web.Tests.Documents;

public sealed class SourceLabelTests
{
    [Theory]
    [InlineData("/srv/atlas/inbox/2567/th_mculture_news.txt", null, "th_mculture_news.txt")]
    [InlineData(@"C:\Users\somchai\Desktop\ข่าว กระทรวงวัฒนธรรม.md", null, "ข่าว กระทรวงวัฒนธรรม.md")]
    [InlineData("upload/press-release.html", null, "press-release.html")]
    [InlineData("plain.txt", null, "plain.txt")]
    [InlineData("/var/lib/atlas/in/a.html", "https://www.mfa.go.th/th/content/soft-power-2567", "https://www.mfa.go.th/th/content/soft-power-2567")]
    [InlineData("https://thaiembassy.fr/fr/news/123", null, "https://thaiembassy.fr/fr/news/123")]
    [InlineData("/home/atlas/in/x.txt", "javascript:alert(1)", "x.txt")]
    [InlineData("/home/atlas/in/folder/", null, "folder")]
    public void Display_Source_AddressOrFileNameNeverTheFolders(string source, string? sourceUrl, string expected) =>
        Assert.Equal(expected, SourceLabel.Display(source, sourceUrl));

    [Theory]
    [InlineData("/srv/in/a.txt", null, null)]
    [InlineData("/srv/in/a.txt", "http://example.go.th/a", "http://example.go.th/a")]
    [InlineData("https://example.go.th/b", "data:text/html,x", "https://example.go.th/b")]
    public void Address_Source_OnlyWebAddresses(string source, string? sourceUrl, string? expected) =>
        Assert.Equal(expected, SourceLabel.Address(source, sourceUrl));
}
