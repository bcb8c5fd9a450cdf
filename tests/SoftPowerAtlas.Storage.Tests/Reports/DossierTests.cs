using System.Text.RegularExpressions;
using SoftPowerAtlas.Storage.Reports;
using SoftPowerAtlas.Storage.Tests.Facts;
using SoftPowerAtlas.Storage.Tests.Postgres;
using SoftPowerAtlas.Storage.Tests.Sqlite;

namespace SoftPowerAtlas.Storage.Tests.Reports;

/// <summary>Dossiers over the real corpus, plus one hostile page, rendered as Markdown and HTML.</summary>
public abstract class DossierTests<TFixture> : IDisposable
    where TFixture : StoreFixture, new()
{
    private const string Hostile = """
        ---
        title: "<script>alert('title')</script> Thailand and France meet"
        source_url: "javascript:alert(1)"
        ---
        On 5 March 2024, the Ministry of Culture met the Institut Français in Bangkok to discuss film co-production <script>alert("x")</script> and javascript:alert(2) festivals [click](javascript:alert(3)).
        """;

    private readonly IngestedCorpus<TFixture> _corpus;

    protected DossierTests()
    {
        _corpus = IngestedCorpus<TFixture>.Of(CorpusPaths.Samples, CorpusPaths.Seed("000"), CorpusPaths.Seed("003"));
        _corpus.Ingest(_corpus.Write("hostile.md", Hostile));
    }

    public void Dispose()
    {
        _corpus.Dispose();
        GC.SuppressFinalize(this);
    }

    private DossierBuilder Builder => new(_corpus.Reader, _corpus.Clock);

    [Fact]
    public void Country_ThaiName_EngagementsPartnersSectorsAndDocuments()
    {
        var d = Builder.Country("ฝรั่งเศส").Dossier!;

        Assert.Equal("FR", d.Subject.Key);
        Assert.Equal(new DateOnly(2024, 6, 28), d.AsOf);
        Assert.Contains(d.Engagements, e => e.Date?.Written == "2024-09-07/2024-09-08" && e.Source.Path.EndsWith("th_food_festival_paris.md", StringComparison.Ordinal));
        Assert.Contains(d.Engagements, e => e.Date?.Written == "2024-03-05" && e.Source.Path.EndsWith("hostile.md", StringComparison.Ordinal));
        Assert.Equal(d.Engagements.Count, d.PerYear.Sum(y => y.Engagements) + d.Engagements.Count(e => e.Date is null));
        Assert.Contains(d.Partners, p => p.Key == "body:institut-francais" && p.Engagements >= 2);
        Assert.Contains(d.Sectors, s => s.Key == "food" && s.Engagements == 1);
        Assert.DoesNotContain(d.Countries, c => c.Key == "FR");
        Assert.Contains(d.OpenCommitments, i => i.Commitment.DueWritten == "2024-12" && i.DueBy == new DateOnly(2024, 12, 31));
        Assert.Equal(d.Documents.Select(x => x.Id).Distinct().Count(), d.Documents.Count);
    }

    [Fact]
    public void Agency_AnyAlias_SameDossier()
    {
        var byThai = Builder.Agency("อพท.").Dossier!;
        var byEnglish = Builder.Agency("dasta").Dossier!;

        Assert.Equal("agency:dasta", byThai.Subject.Key);
        Assert.Equal(byThai.Engagements.Select(e => e.Id), byEnglish.Engagements.Select(e => e.Id));
        Assert.Contains(byThai.Partners, p => p.Key == "agency:cea");
        Assert.Contains(byThai.OpenCommitments, i => i.Commitment.DueWritten == "FY2021" && i.State == Storage.Tracking.CommitmentState.Overdue);
    }

    [Fact]
    public void Unknown_NotFoundWithSuggestion()
    {
        var country = Builder.Country("Frence");
        var agency = Builder.Agency("ไม่มีหน่วยงานนี้");

        Assert.Null(country.Dossier);
        Assert.Contains("France (FR)", country.Suggestions);
        Assert.Null(agency.Dossier);
        Assert.Contains("no agency or organisation", agency.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_HostileDocument_ComesOutAsTextAndNeverAsLinkOrScript()
    {
        var html = HtmlDossierWriter.Write(Builder.Country("FR").Dossier!);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("javascript:alert(2)", html, StringComparison.Ordinal); // as text
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);

        var links = Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.StartsWith("https://", href, StringComparison.Ordinal));
        Assert.Equal(Regex.Matches(html, "<a ").Count, links.Count);
    }

    [Fact]
    public void Html_Thai_Utf8MetaAndThaiFontsAndThaiTextAsIs()
    {
        var html = HtmlDossierWriter.Write(Builder.Country("FR").Dossier!);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"th\">\n<head>\n<meta charset=\"utf-8\">", html.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"Noto Sans Thai\"", html, StringComparison.Ordinal);
        Assert.Contains("Tahoma", html, StringComparison.Ordinal);
        Assert.Contains("สถานเอกอัครราชทูต ณ กรุงปารีส", html, StringComparison.Ordinal);
        Assert.Contains("doc #", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_HostileDocument_EscapedAndOnlyHttpsLinks()
    {
        var md = MarkdownDossierWriter.Write(Builder.Country("FR").Dossier!);

        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.Contains(@"\<script\>alert(""x"")\</script\>", md, StringComparison.Ordinal);
        Assert.Contains(@"\[click\](javascript:alert(3))", md, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)\]\(javascript", md);
        Assert.Contains("](https://paris.thaiembassy.example/th/news/thai-food-festival-paris-2024)", md, StringComparison.Ordinal);
        Assert.Contains("| Institut Français |", md, StringComparison.Ordinal);
    }
}

/// <summary>The suite above on a SQLite file.</summary>
public sealed class SqliteDossierTests : DossierTests<SqliteStoreFixture>;

/// <summary>The suite above on a database of its own on the test PostgreSQL server.</summary>
public sealed class PostgresDossierTests : DossierTests<PostgresStoreFixture>;
