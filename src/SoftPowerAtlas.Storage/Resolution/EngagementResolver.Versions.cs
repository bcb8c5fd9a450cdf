using System.Globalization;
using SoftPowerAtlas.Analysis.Duplicates;

namespace SoftPowerAtlas.Storage.Resolution;

/// <summary>The second step of resolving a document: is it a version of an earlier one's release (<see cref="DocumentVersions"/>)?</summary>
internal sealed partial class EngagementResolver
{
    private const string OwnDocument = "SELECT language, published, near_duplicate_of FROM documents WHERE id = @doc";

    // The earlier documents reporting one of its engagements (an index seek on the cluster, a few rows), with what decides
    // before their texts are read: their language, publication and the original they are already a version of.
    private static readonly string ClusterDocuments = $"""
        SELECT e.document_id, d.language, d.published, coalesce(d.near_duplicate_of, v.original_id)
        FROM (SELECT k.engagement_id FROM engagement_links k WHERE k.cluster_id = @cluster ORDER BY k.engagement_id LIMIT {DocumentVersions.MaxCandidates * 4}) c
        JOIN engagements e ON e.id = c.engagement_id JOIN documents d ON d.id = e.document_id
        LEFT JOIN document_versions v ON v.document_id = d.id
        WHERE e.document_id < @doc
        """;

    private const string Texts = "SELECT id, clean_packed, clean_text FROM documents WHERE id IN ({0})";

    private sealed record VersionCandidate(long Id, string Language, string? Published, long? OriginalOf);

    /// <summary>
    /// Links <paramref name="documentId"/> to the earlier document whose release it translates or copies, looking among the
    /// documents of <paramref name="clusters"/> (those its engagements joined); a near duplicate keeps its own link instead.
    /// The document has no link yet: a rewrite deletes it with its facts (<see cref="Curation.DocumentFacts"/>, <see cref="Recluster"/>).
    /// </summary>
    private void LinkVersions(long documentId, IReadOnlyList<long> clusters)
    {
        if (clusters.Count == 0)
        {
            return; // it reports nothing another document reports: a round trip saved for most documents
        }

        var own = Rows(OwnDocument, r => (Language: r.GetString(0), Published: r.GetNullableString(1), NearDuplicate: !r.IsDBNull(2)), ("@doc", documentId)).FirstOrDefault();
        if (own.Language is null || own.NearDuplicate)
        {
            return;
        }

        var candidates = new Dictionary<long, VersionCandidate>();
        foreach (var cluster in clusters)
        {
            foreach (var c in Rows(ClusterDocuments, r => new VersionCandidate(r.GetInt64(0), r.GetString(1), r.GetNullableString(2), r.IsDBNull(3) ? null : r.GetInt64(3)), ("@cluster", cluster), ("@doc", documentId)))
            {
                if (candidates.Count < DocumentVersions.MaxCandidates && DocumentVersions.PublishedClose(own.Published, c.Published))
                {
                    candidates.TryAdd(c.Id, c);
                }
            }
        }

        if (candidates.Count == 0)
        {
            return;
        }

        var texts = TextsOf([documentId, .. candidates.Keys.Order()]);
        var numbers = ContentNumbers.Of(texts.GetValueOrDefault(documentId, string.Empty));
        foreach (var candidate in candidates.Values.Where(c => texts.ContainsKey(c.Id)).OrderBy(c => c.Id))
        {
            var (shared, similarity) = ContentNumbers.Compare(numbers, ContentNumbers.Of(texts[candidate.Id]));
            if (DocumentVersions.SameNumbers(shared, similarity))
            {
                // A version of a version is a version of the first: one original per release.
                Execute(
                    "INSERT INTO document_versions (document_id, original_id, kind, shared, similarity) VALUES (@doc, @original, @kind, @shared, @similarity)",
                    ("@doc", documentId),
                    ("@original", candidate.OriginalOf ?? candidate.Id),
                    ("@kind", own.Language == candidate.Language ? VersionKinds.Copy : VersionKinds.Translation),
                    ("@shared", shared),
                    ("@similarity", Math.Round(similarity, 3)));
                return;
            }
        }
    }

    /// <summary>The clean texts of the documents, by id, in one read; a stored text that cannot be unpacked is left out (a damaged neighbour must not stop a new document's ingest).</summary>
    private Dictionary<long, string> TextsOf(IReadOnlyList<long> ids)
    {
        var names = ids.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@t{i}")).ToList();
        return Rows(
                string.Format(CultureInfo.InvariantCulture, Texts, string.Join(", ", names)),
                r => (Id: r.GetInt64(0), Text: Readable(r)),
                [.. names.Zip(ids, (n, id) => (n, (object?)id))])
            .Where(t => t.Text is not null)
            .ToDictionary(t => t.Id, t => t.Text!);
    }

    private static string? Readable(System.Data.Common.DbDataReader reader)
    {
        try
        {
            return PackedText.Read(reader, 1, 2) ?? string.Empty;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
