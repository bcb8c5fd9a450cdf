using SoftPowerAtlas.Analysis.Entities;

namespace SoftPowerAtlas.Analysis.Tests.Entities;

public sealed class ReferenceDataLoaderTests
{
    private static readonly Dictionary<string, string> ValidFiles = new(StringComparer.Ordinal)
    {
        ["agencies.tsv"] = "# comment\nid\tkind\tname_th\tname_en\taliases\tparent\tsectors\ngov\tother\tรัฐบาลไทย\tThai Government\t\t\t\nmind\tministry\tกระทรวงอุตสาหกรรม\tMinistry of Industry\t=อก.|MOI\tgov\tother\n",
        ["countries.tsv"] = "iso2\tname_en\tname_th\taliases\tdemonyms\nTH\tThailand\tไทย\t\tThai\n",
        ["foreign_bodies.tsv"] = "id\tcountry\tkind\tname_en\tname_th\taliases\nunesco\t\tinternational\tUNESCO\tยูเนสโก\tยูเนสโก้\n",
        ["provinces.tsv"] = "code\tname_th\tname_en\taliases\nTH-42\t^เลย\tLoei\n",
        ["foreign_places.tsv"] = "id\tcountry\tkind\tname_en\tname_th\taliases\nbangkok-x\tTH\tcity\tX\tเอ็กซ์\t\n",
        ["sectors.tsv"] = "sector\ttriggers_th\ttriggers_en\nother\t\t\n",
        ["honorifics.tsv"] = "form\tkind\tlanguage\tgender\texpands_to\nนาย\ttitle\tth\tm\tนาย\n",
        ["roles.tsv"] = "role_th\trole_en\tlevel\tbody\nอธิบดี\tDirector-General\texecutive\nโฆษกรัฐบาล\tGovernment Spokesperson\tpolitical\tgov\n",
    };

    [Fact]
    public void Load_ValidFiles_ParsesRowsMarkersAndOptionalCells()
    {
        var data = Load(ValidFiles);

        var ministry = data.AgenciesById["mind"];
        Assert.Equal(AgencyKind.Ministry, ministry.Kind);
        Assert.Equal("gov", ministry.ParentId);
        Assert.Equal([new NameForm("อก.", NameMatch.Exact), new NameForm("MOI", NameMatch.Normal)], ministry.Aliases);
        Assert.Equal("กระทรวงอุตสาหกรรม", ministry.Names[0].Text);
        Assert.Null(data.AgenciesById["gov"].ParentId);
        Assert.Empty(data.AgenciesById["gov"].Sectors);
        Assert.Null(Assert.Single(data.ForeignBodies).CountryCode);
        var province = Assert.Single(data.Provinces);
        Assert.Equal("เลย", province.NameTh);
        Assert.Equal(NameMatch.Contextual, province.Names[0].Match);
        Assert.Empty(province.Aliases);
        Assert.Equal(Gender.Male, Assert.Single(data.Honorifics).Gender);
        Assert.Equal([null, "gov"], data.Roles.Select(r => r.BodyId));
    }

    [Theory]
    [InlineData("agencies.tsv", "mind\tministre\tก\tM\t\t\t\n", "agencies.tsv:5", "kind")]
    [InlineData("agencies.tsv", "x\tother\tก\tX\t\tnowhere\t\n", "agencies.tsv:5", "parent 'nowhere'")]
    [InlineData("agencies.tsv", "x\tother\tก\tX\t\t\tcinema\n", "agencies.tsv:5", "sector 'cinema'")]
    [InlineData("agencies.tsv", "gov\tother\tก\tX\t\t\t\n", "agencies.tsv:5", "twice")]
    [InlineData("agencies.tsv", "x\tother\tก\tX\t\t\t\textra\n", "agencies.tsv:5", "8 cells")]
    [InlineData("agencies.tsv", "x\tother\tก\tX\t=\t\t\n", "agencies.tsv:5", "bad name")]
    [InlineData("countries.tsv", "th\tX\tก\t\t\n", "countries.tsv:3", "two upper-case")]
    [InlineData("provinces.tsv", "TH-1\tก\tX\t\n", "provinces.tsv:3", "ISO 3166-2:TH")]
    [InlineData("foreign_places.tsv", "x\tZZ\tcity\tX\tก\t\n", "foreign_places.tsv:3", "country 'ZZ'")]
    [InlineData("honorifics.tsv", "Mr.\ttitle\tfr\tm\tMister\n", "honorifics.tsv:3", "language 'fr'")]
    [InlineData("roles.tsv", "\t\tstaff\n", "roles.tsv:4", "Thai or an English")]
    [InlineData("roles.tsv", "ผู้แทน\tRepresentative\tstaff\tnobody\n", "roles.tsv:4", "body 'nobody'")]
    public void Load_BadRow_ThrowsNamingFileAndLine(string file, string badRow, string location, string reason)
    {
        var files = new Dictionary<string, string>(ValidFiles, StringComparer.Ordinal) { [file] = ValidFiles[file] + badRow };

        var error = Assert.Throws<InvalidDataException>(() => Load(files));

        Assert.StartsWith(location + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongHeader_ThrowsNamingTheExpectedColumns()
    {
        var files = new Dictionary<string, string>(ValidFiles, StringComparer.Ordinal) { ["roles.tsv"] = "role\tlevel\n" };

        var error = Assert.Throws<InvalidDataException>(() => Load(files));

        Assert.StartsWith("roles.tsv:1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("role_th, role_en, level, body", error.Message, StringComparison.Ordinal);
    }

    private static ReferenceData Load(Dictionary<string, string> files) =>
        ReferenceData.Load(name => new StringReader(files[name]));
}
