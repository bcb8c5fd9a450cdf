using System.Diagnostics;
using System.Globalization;
using Npgsql;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Benchmarks.Corpus;
using SoftPowerAtlas.Storage.Postgres;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// The search benchmark's corpus in a PostgreSQL database: the same <see cref="SearchCorpusBuilder"/>
/// variants stored with the same batches as on SQLite (triggers fill the tsvector, dates and facets),
/// then <c>VACUUM ANALYZE</c> (merges the GIN pending list, gathers statistics). Reused when the
/// database already holds N documents.
/// </summary>
internal static class PostgresSearchCorpus
{
    public static PostgresAtlasStore OpenOrBuild(string address, int docs, TextServices textServices, Func<SearchCorpusBuilder> builder)
    {
        var store = PostgresAtlasStore.Open(address, textServices);
        var held = store.GetStats().Documents;
        if (held == docs)
        {
            Console.WriteLine($"Reusing {store.Location} ({docs:N0} documents)");
            return store;
        }

        if (held != 0)
        {
            store.Dispose();
            throw new InvalidOperationException($"{store.Location} holds {held:N0} documents, not {docs:N0}; give an empty database or one built with the same --docs");
        }

        var bases = builder();
        var watch = Stopwatch.StartNew();
        const int batchSize = 2_000;
        for (var start = 0; start < docs; start += batchSize)
        {
            using var batch = store.BeginBatch();
            for (var i = start; i < Math.Min(docs, start + batchSize); i++)
            {
                batch.Add(bases.Variant(i));
            }

            batch.Commit();
        }

        using (var connection = new NpgsqlConnection(PostgresAddress.Parse(address).ConnectionString))
        {
            connection.Open();
            using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 };
            vacuum.ExecuteNonQuery();
        }

        var stored = watch.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL: stored {docs:N0} variants (INSERTs, triggers: tsvector, dates, facets; facts) + VACUUM ANALYZE in {stored.TotalSeconds:F1} s: {docs / stored.TotalSeconds:F0} docs/s, {stored.TotalSeconds * 1000 / (docs / 1000.0):F0} ms per 1,000 documents"));
        return store;
    }

    /// <summary>The database's size and the search structures' share, per 1,000 documents.</summary>
    public static string Size(string address, int docs)
    {
        using var connection = new NpgsqlConnection(PostgresAddress.Parse(address).ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            """
            SELECT pg_database_size(current_database()), pg_total_relation_size('document_search'),
                   pg_relation_size('document_search_vector'), pg_total_relation_size('document_facets') + pg_total_relation_size('search_dates')
            """,
            connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        double PerThousand(int column) => reader.GetInt64(column) / 1e6 / (docs / 1000.0);
        return string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL database: {reader.GetInt64(0) / 1e6:N0} MB, {PerThousand(0):F1} MB per 1,000 documents; document_search (vectors + GIN) {PerThousand(1):F2} MB of which GIN {PerThousand(2):F2} MB, facets + dates {PerThousand(3):F2} MB per 1,000");
    }
}
