using System.Globalization;
using System.Text;
using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Segmentation;

namespace SoftPowerAtlas.Analysis.Tests.Entities;

public sealed class ReferenceDataTests
{
    // The sector ids of shared/eval/README.md, copied here so the test does not trust the data it checks.
    private static readonly string[] Taxonomy =
    [
        "film", "series_drama", "music", "food", "festival", "tourism", "sport", "fashion", "design", "art", "books",
        "games", "heritage", "community_products", "creative_city", "media_pr", "education", "technology",
        "entertainment", "other",
    ];

    private static ReferenceData Data => ReferenceData.Default;

    [Fact]
    public void ManifestResources_DataFiles_AreEmbeddedUnderEntitiesData()
    {
        var names = typeof(ReferenceData).Assembly.GetManifestResourceNames();

        foreach (var file in new[] { "agencies", "countries", "foreign_bodies", "provinces", "foreign_places", "sectors", "honorifics", "roles" })
        {
            Assert.Contains($"Entities/Data/{file}.tsv", names);
        }
    }

    [Fact]
    public void Provinces_Default_AreExactly77WithUniqueIsoCodes()
    {
        Assert.Equal(77, Data.Provinces.Count);
        Assert.Equal(77, Data.Provinces.Select(p => p.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Data.Provinces, p => Assert.Matches("^TH-[1-9][0-9]$", p.Code));
        Assert.Equal("กรุงเทพมหานคร", Data.Provinces.Single(p => p.Code == "TH-10").NameTh);
    }

    [Fact]
    public void Countries_Default_HaveUniqueUpperCaseTwoLetterCodes()
    {
        Assert.All(Data.Countries, c => Assert.Matches("^[A-Z]{2}$", c.Code));
        Assert.Equal(Data.Countries.Count, Data.Countries.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Countries_Default_CoverUnMembersAndTheSixTerritories()
    {
        Assert.Equal(193 + 6, Data.Countries.Count);
        foreach (var code in new[] { "TH", "TW", "HK", "MO", "PS", "XK", "VA" })
        {
            Assert.True(Data.CountriesByCode.ContainsKey(code), code);
        }
    }

    [Fact]
    public void Sectors_Default_AreExactlyTheTaxonomy()
    {
        Assert.Equal(Taxonomy.Order(StringComparer.Ordinal), Data.Sectors.Select(s => s.Sector).Order(StringComparer.Ordinal));
        Assert.All(Data.Sectors.Where(s => s.Sector != "other"), s => Assert.NotEmpty(s.Thai));
    }

    [Fact]
    public void Agencies_Default_EveryParentExistsAndSectorsAreTaxonomyIds()
    {
        Assert.InRange(Data.Agencies.Count, 180, 300);
        Assert.All(Data.Agencies.Where(a => a.ParentId is not null), a => Assert.True(Data.AgenciesById.ContainsKey(a.ParentId!), a.Id));
        Assert.All(Data.Agencies.SelectMany(a => a.Sectors), s => Assert.Contains(s, Taxonomy));
    }

    [Fact]
    public void Agencies_Default_EveryMinistryHangsFromTheGovernment()
    {
        var ministries = Data.Agencies.Where(a => a.Kind == AgencyKind.Ministry).ToList();

        Assert.Equal(20, ministries.Count);
        Assert.All(ministries, m => Assert.Equal("thai-gov", m.ParentId));
    }

    [Fact]
    public void ForeignEntities_Default_PointAtKnownCountries()
    {
        Assert.All(Data.ForeignBodies.Where(b => b.CountryCode is not null), b => Assert.True(Data.CountriesByCode.ContainsKey(b.CountryCode!), b.Id));
        Assert.All(Data.ForeignPlaces, p => Assert.True(Data.CountriesByCode.ContainsKey(p.CountryCode), p.Id));
    }

    public static TheoryData<string> NamedFiles => ["agencies", "countries", "foreign_bodies", "provinces", "foreign_places"];

    [Theory]
    [MemberData(nameof(NamedFiles))]
    public void Names_WithinOneFile_NeverMapToTwoEntities(string file)
    {
        var clashes = Entities(file)
            .SelectMany(e => e.Names.Select(n => (Name: Fold(n.Text), e.Key)))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .Select(g => (g.Key, Keys: g.Select(x => x.Key).Distinct(StringComparer.Ordinal).ToList()))
            .Where(g => g.Keys.Count > 1)
            .Select(g => $"{g.Key} -> {string.Join(", ", g.Keys)}")
            .ToList();

        Assert.Empty(clashes);
    }

    [Theory]
    [MemberData(nameof(NamedFiles))]
    public void Names_Default_AreCleanNfcText(string file)
    {
        foreach (var name in Entities(file).SelectMany(e => e.Names))
        {
            Assert.True(name.Text.IsNormalized(NormalizationForm.FormC), name.Text);
            Assert.Equal(name.Text.Trim(), name.Text);
            Assert.DoesNotContain("  ", name.Text, StringComparison.Ordinal);
            Assert.DoesNotContain('\u200B', name.Text);
            Assert.DoesNotContain("\u0E4D\u0E32", name.Text, StringComparison.Ordinal); // decomposed sara am
        }
    }

    [Fact]
    public void CountryAndProvinceNames_Default_LeaveThePrefixToCode()
    {
        Assert.DoesNotContain(Data.Countries.SelectMany(c => c.Names), n => n.Text.StartsWith("ประเทศ", StringComparison.Ordinal));
        Assert.DoesNotContain(Data.Provinces.SelectMany(p => p.Names), n => n.Text.StartsWith("จังหวัด", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("พช.", "cdd", "Community Development Department")] // seed 001
    [InlineData("กรมการพัฒนาชุมชน", "cdd", "Community Development Department")]
    [InlineData("อพท.", "dasta", "Designated Areas for Sustainable Tourism Administration")] // seed 003
    [InlineData("องค์การบริหารการพัฒนาพื้นที่พิเศษเพื่อการท่องเที่ยวอย่างยั่งยืน", "dasta", "Designated Areas for Sustainable Tourism Administration")]
    [InlineData("สศส.", "cea", "Creative Economy Agency")] // seed 003
    [InlineData("อก.", "mind", "Ministry of Industry")] // seed 004
    [InlineData("สำนักงานปลัดกระทรวงอุตสาหกรรม", "ops-mind", "Office of the Permanent Secretary, Ministry of Industry")]
    [InlineData("กระทรวงต่างประเทศ", "mfa", "Ministry of Foreign Affairs")] // seed 001, without การ
    [InlineData("ทำเนียบรัฐบาล", "gov-house", "Government House")] // seed 002
    [InlineData("คณะกรรมการพัฒนาซอฟต์พาวเวอร์ฯ", "sp-dev", "National Soft Power Development Committee")] // seed 000
    [InlineData("คณะอนุกรรมการฯ ด้านภาพยนตร์ ละคร และซีรีส์", "sp-sub-film", "Soft Power Subcommittee on Film, Drama and Series")]
    [InlineData("ททท.", "tat", "Tourism Authority of Thailand")]
    [InlineData("TAT", "tat", "Tourism Authority of Thailand")]
    [InlineData("depa", "depa", "Digital Economy Promotion Agency")]
    [InlineData("กต.", "mfa", "Ministry of Foreign Affairs")]
    [InlineData("วธ.", "mculture", "Ministry of Culture")]
    [InlineData("สวธ.", "dcp", "Department of Cultural Promotion")]
    [InlineData("DITP", "ditp", "Department of International Trade Promotion")]
    [InlineData("THACCA", "thacca", "Thailand Creative Culture Agency")]
    [InlineData("สสปน.", "tceb", "Thailand Convention and Exhibition Bureau")]
    [InlineData("กกท.", "sat", "Sports Authority of Thailand")]
    [InlineData("สมอ.", "tisi", "Thai Industrial Standards Institute")]
    [InlineData("คณะอนุกรรมการด้านเฟสติวัล", "sp-sub-festival", "Soft Power Subcommittee on Festivals")]
    public void Agencies_KnownForm_ResolvesToAgency(string form, string id, string nameEn)
    {
        var agency = Assert.Single(Find(Data.Agencies, form));

        Assert.Equal(id, agency.Id);
        Assert.Equal(nameEn, agency.NameEn);
    }

    [Theory]
    [InlineData("สิงค์โปร์", "SG")] // seed 000 misspelling
    [InlineData("ฝรั่งเศส", "FR")]
    [InlineData("Republic of Korea", "KR")] // seed 002
    [InlineData("South Korea", "KR")]
    [InlineData("เกาหลีใต้", "KR")]
    [InlineData("สหรัฐอเมริกา", "US")]
    [InlineData("U.S.", "US")]
    [InlineData("สปป.ลาว", "LA")]
    [InlineData("เมียนมาร์", "MM")]
    [InlineData("บังคลาเทศ", "BD")]
    [InlineData("อินโดนิเซีย", "ID")]
    [InlineData("ทูร์เคีย", "TR")]
    [InlineData("ไทย", "TH")]
    [InlineData("ไต้หวัน", "TW")]
    public void Countries_KnownForm_ResolvesToCode(string form, string code) =>
        Assert.Equal(code, Assert.Single(Find(Data.Countries, form)).Code);

    [Theory]
    [InlineData("Japanese", "JP")]
    [InlineData("South Korean", "KR")]
    [InlineData("ชาวญี่ปุ่น", "JP")]
    [InlineData("French", "FR")]
    public void Countries_Demonym_ResolvesToCode(string demonym, string code) =>
        Assert.Equal(code, Assert.Single(Data.Countries, c => c.Demonyms.Any(d => Fold(d.Text) == Fold(demonym))).Code);

    [Theory]
    [InlineData("ยูเนสโก้", "unesco", null)] // seed 003
    [InlineData("องค์การการศึกษา วิทยาศาสตร์ และวัฒนธรรมแห่งสหประชาชาติ", "unesco", null)]
    [InlineData("Institut Français", "institut-francais", "FR")] // seed 000
    [InlineData("คณะ Kumamon Group", "kumamon-group", "JP")] // the Kumamong spelling is left to fuzzy resolution, not listed here
    [InlineData("สำนักงานคุมาโมโตะ", "kumamoto-pref", "JP")]
    [InlineData("Japan Foundation", "japan-foundation", "JP")]
    [InlineData("สถาบันเกอเธ่", "goethe-institut", "DE")]
    [InlineData("KOCCA", "kocca", "KR")]
    [InlineData("อาเซียน", "asean", null)]
    [InlineData("UNWTO", "un-tourism", null)]
    public void ForeignBodies_KnownForm_ResolvesToBody(string form, string id, string? country)
    {
        var body = Assert.Single(Find(Data.ForeignBodies, form));

        Assert.Equal(id, body.Id);
        Assert.Equal(country, body.CountryCode);
    }

    [Theory]
    [InlineData("คุมาโมโตะ", "Kumamoto", "JP")] // seed 001
    [InlineData("โออิตะ", "Oita", "JP")] // seed 001
    [InlineData("ปูซาน", "Busan", "KR")]
    [InlineData("เมืองคานส์", "Cannes", "FR")]
    [InlineData("ปักกิ่ง", "Beijing", "CN")]
    [InlineData("นครโฮจิมินห์", "Ho Chi Minh City", "VN")]
    public void ForeignPlaces_KnownForm_ResolvesToPlace(string form, string nameEn, string country)
    {
        var place = Assert.Single(Find(Data.ForeignPlaces, form));

        Assert.Equal(nameEn, place.NameEn);
        Assert.Equal(country, place.CountryCode);
    }

    [Theory]
    [InlineData("กรุงเทพมหานคร", "TH-10")] // seed 001
    [InlineData("กทม.", "TH-10")]
    [InlineData("สุพรรณบุรี", "TH-72")] // seed 003
    [InlineData("Suphanburi", "TH-72")]
    [InlineData("โคราช", "TH-30")]
    [InlineData("อยุธยา", "TH-14")]
    [InlineData("Chiengmai", "TH-50")]
    public void Provinces_KnownForm_ResolvesToCode(string form, string code) =>
        Assert.Equal(code, Assert.Single(Find(Data.Provinces, form)).Code);

    [Theory]
    [InlineData("อก.", NameMatch.Exact)]
    [InlineData("กก.", NameMatch.Exact)]
    [InlineData("สศส.", NameMatch.Normal)]
    public void AgencyAliases_RiskyAbbreviation_IsMarkedExact(string form, NameMatch expected) =>
        Assert.Equal(expected, Data.Agencies.SelectMany(a => a.Names).Single(n => n.Text == form).Match);

    [Fact]
    public void ProvinceNames_EverydayWord_IsMarkedContextual()
    {
        Assert.Equal(NameMatch.Contextual, Data.Provinces.Single(p => p.Code == "TH-42").Names[0].Match); // เลย
        Assert.Equal("เลย", Data.Provinces.Single(p => p.Code == "TH-42").NameTh);
    }

    [Theory]
    [InlineData("ม.ร.ว.", HonorificKind.Royal, "หม่อมราชวงศ์")] // seed 000
    [InlineData("นางสาว", HonorificKind.Title, "นางสาว")]
    [InlineData("H.E.", HonorificKind.Diplomatic, "His Excellency")] // seed 002
    [InlineData("พล.ต.อ.", HonorificKind.PoliceRank, "พลตำรวจเอก")]
    [InlineData("ว่าที่ ร.ต.", HonorificKind.MilitaryRank, "ว่าที่ร้อยตรี")]
    [InlineData("Gen.", HonorificKind.MilitaryRank, "General")]
    public void Honorifics_KnownForm_HasKindAndExpansion(string form, HonorificKind kind, string expansion)
    {
        var honorific = Assert.Single(Data.Honorifics, h => h.Form == form);

        Assert.Equal(kind, honorific.Kind);
        Assert.Contains(expansion, honorific.ExpandsTo);
    }

    [Fact]
    public void Honorifics_Default_AreUniqueAndLanguageMatchesScript()
    {
        Assert.Equal(Data.Honorifics.Count, Data.Honorifics.Select(h => h.Form).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Data.Honorifics, h => Assert.Equal(h.Language == Language.Thai, h.Form.Any(c => c is >= '\u0E00' and <= '\u0E7F')));
    }

    [Theory]
    [InlineData("รองปลัดกระทรวง", RoleLevel.Deputy)] // seed 004
    [InlineData("ผู้เชี่ยวชาญเฉพาะด้าน", RoleLevel.Staff)] // seed 001
    [InlineData("ประธานอนุกรรมการฯ", RoleLevel.Executive)] // seed 000
    [InlineData("อธิบดี", RoleLevel.Executive)]
    [InlineData("เอกอัครราชทูต", RoleLevel.Diplomatic)]
    [InlineData("ผู้ว่าราชการจังหวัด", RoleLevel.Provincial)]
    public void Roles_ThaiForm_HasLevel(string form, RoleLevel level) =>
        Assert.Equal(level, Assert.Single(Data.Roles, r => r.Thai.Contains(form)).Level);

    [Theory]
    [InlineData("Acting Government Spokesperson")] // seed 002
    [InlineData("Deputy Secretary-General to the Prime Minister")] // seed 002
    [InlineData("Ambassador")]
    public void Roles_EnglishForm_IsListed(string form) =>
        Assert.Contains(Data.Roles, r => r.English.Contains(form));

    [Theory]
    [InlineData("ภาพยนตร์", "film")]
    [InlineData("ซีรีส์", "series_drama")]
    [InlineData("โอทอป", "community_products")]
    [InlineData("เมืองสร้างสรรค์", "creative_city")]
    [InlineData("มวยไทย", "sport")]
    [InlineData("การประชาสัมพันธ์", "media_pr")]
    [InlineData("space technology", "technology")]
    [InlineData("cuisine", "food")]
    [InlineData("entertainment", "entertainment")]
    public void Sectors_Trigger_BelongsToSector(string trigger, string sector) =>
        Assert.Contains(Data.Sectors, s => s.Sector == sector && s.Thai.Concat(s.English).Any(t => Fold(t.Text) == Fold(trigger)));

    [Theory]
    // GUIDELINES: generic "soft power", "creative industries" name no sector.
    [InlineData("creative economy")]
    [InlineData("creative industries")]
    [InlineData("เศรษฐกิจสร้างสรรค์")]
    [InlineData("อุตสาหกรรมสร้างสรรค์")]
    [InlineData("ซอฟต์พาวเวอร์")]
    public void Sectors_GenericWords_NoTrigger(string words) =>
        Assert.DoesNotContain(Data.Sectors, s => s.Thai.Concat(s.English).Any(t => Fold(t.Text) == Fold(words)));

    [Fact]
    public void Default_CalledTwice_ReturnsTheSameInstance() => Assert.Same(ReferenceData.Default, ReferenceData.Default);

    private static IEnumerable<INamedReference> Entities(string file) => file switch
    {
        "agencies" => Data.Agencies,
        "countries" => Data.Countries,
        "foreign_bodies" => Data.ForeignBodies,
        "provinces" => Data.Provinces,
        "foreign_places" => Data.ForeignPlaces,
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, null),
    };

    private static List<T> Find<T>(IEnumerable<T> entities, string form)
        where T : INamedReference =>
        entities.Where(e => e.Names.Any(n => Fold(n.Text) == Fold(form))).ToList();

    private static string Fold(string text) =>
        string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ToLower(CultureInfo.InvariantCulture);
}
