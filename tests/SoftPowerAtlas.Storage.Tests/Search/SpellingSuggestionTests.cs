namespace SoftPowerAtlas.Storage.Tests.Search;

/// <summary>"Did you mean" over the samples and seed pages, written once and run on both engines.</summary>
public abstract class SpellingSuggestionTests<TCorpus>(TCorpus corpus) : IClassFixture<TCorpus>
    where TCorpus : SearchCorpusFixture
{
    [Theory]
    [InlineData("ภาพยนต์", "ภาพยนตร์")]
    [InlineData("ซอฟท์พาวเวอร์", "ซอฟต์พาวเวอร์")]
    [InlineData("cultral", "cultural")]
    [InlineData("Frankfrut", "Frankfurt")]
    [InlineData("festivel Tokio", "festival Tokyo")]
    [InlineData("ภาพยนต์ country:KR", "ภาพยนตร์ country:KR")]
    [InlineData("\"Thai Food\" festivel", "\"Thai Food\" festival")]
    public void Search_MisspeltWordFindingLittle_SuggestsTheIndexWord(string query, string suggestion)
    {
        var results = corpus.Search(query);

        Assert.True(results.Total <= 2, results.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(suggestion, results.Suggestion);
        Assert.True(corpus.Search(suggestion).Total > results.Total);
    }

    [Theory]
    [InlineData("ภาพยนตร์")] // many results
    [InlineData("Ishikawa")] // one result, a word the index holds
    [InlineData("Kumamon")] // a word the index does not hold, but nothing near it either
    [InlineData("\"ภาพยนต์\"")] // quoted: searched as written
    [InlineData("ภาพยนต*")] // a prefix
    [InlineData("ซอฟต์พาวเวอร์ -ภาพยนต์")] // an exclusion
    [InlineData("film 2567")] // digits
    [InlineData("country:KR")] // no words
    public void Search_GoodOrUncorrectableQuery_NoSuggestion(string query) =>
        Assert.Null(corpus.Search(query).Suggestion);
}

/// <summary>"Did you mean" on SQLite (English words stored as Porter stems).</summary>
public sealed class SqliteSpellingSuggestionTests(SqliteSearchCorpus corpus) : SpellingSuggestionTests<SqliteSearchCorpus>(corpus);

/// <summary>"Did you mean" on PostgreSQL (words stored as written).</summary>
public sealed class PostgresSpellingSuggestionTests(PostgresSearchCorpus corpus) : SpellingSuggestionTests<PostgresSearchCorpus>(corpus);
