using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Storage;

namespace SoftPowerAtlas.Cli.Tests.Support;

/// <summary>What the worker tests count to show each queued job's document was stored once, with its facts once.</summary>
internal static class StoredOnce
{
    /// <summary>Documents, distinct texts, documents the jobs name; then engagement rows, as one line of four numbers.</summary>
    public const string Counts = """
        SELECT (SELECT count(*) FROM documents) || ' ' || (SELECT count(DISTINCT content_hash) FROM documents) || ' ' ||
               (SELECT count(DISTINCT document_id) FROM ingest_jobs) || ' ' ||
               (SELECT count(*) FROM engagements)
        """;

    /// <summary>The events of every document's stored facts, read back through the store (the facts are packed).</summary>
    public static long EventsInStoredFacts(string url)
    {
        using var store = AtlasStores.Open(url, TestText.Shared);
        long events = 0;
        for (var offset = 0; ; offset += 100)
        {
            var page = store.ListDocuments(100, offset);
            if (page.Count == 0)
            {
                return events;
            }

            events += page.Sum(d => FactsJson.Read(d.FactsJson!).Facts!.Events.Count);
        }
    }
}
