using SoftPowerAtlas.Analysis.Duplicates;
using SoftPowerAtlas.Storage.Curation;
using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Resolution;

/// <summary>What a version is of its original.</summary>
public static class VersionKinds
{
    /// <summary>The same release in another language (the agency's Thai release and its English one).</summary>
    public const string Translation = "translation";

    /// <summary>The same release republished in the same language with edits (a near duplicate is linked by <c>documents.near_duplicate_of</c> instead).</summary>
    public const string Copy = "copy";
}

/// <summary>
/// Recognises a document as a version of one release another stored document carries (issue 25, point 2): a
/// translation, or a copy another site republished with edits. Two reports of one engagement (the same
/// cluster) are versions of one text when they were published within <see cref="MaxPublishedDays"/> days
/// of each other and state the same numbers (<see cref="ContentNumbers"/>: at least <see cref="MinShared"/>
/// shared, <see cref="MinSimilarity"/> of all): a translation keeps every day, year, count and amount of its
/// release, where another outlet's story of the same signing keeps the date and a few more. Rules, not a model:
/// the linked corpus has reports of one engagement in Thai and English by different outlets and no translation
/// pair, so the thresholds are set where none of its 27 pairs of reports sharing an engagement is taken for a
/// version (the pair most alike shares 4 of 9 numbers): a missed version costs a restated commitment listed
/// twice, a wrong one would hide a second source.
/// </summary>
internal static class DocumentVersions
{
    public const int MinShared = 5;

    public const double MinSimilarity = 0.6;

    public const int MaxPublishedDays = 7;

    /// <summary>Other documents read per cluster: one earlier report is enough, and a cluster of thousands must not cost thousands of reads.</summary>
    private const int CandidatesPerCluster = 8;

    /// <summary>
    /// Links the document <paramref name="documentId"/> (its engagements just resolved) to the earlier document
    /// it is a version of, if any, replacing the link it had; a near duplicate keeps its own link instead.
    /// </summary>
    public static void Link(CurationSql sql, long documentId)
    {
        sql.Execute("DELETE FROM document_versions WHERE document_id = @doc", ("@doc", documentId));
        var own = Document(sql, documentId);
        if (own is null || own.NearDuplicateOf is not null)
        {
            return;
        }

        var clusters = sql.Rows(
            "SELECT DISTINCT l.cluster_id FROM engagements e JOIN engagement_links l ON l.engagement_id = e.id WHERE e.document_id = @doc",
            r => r.GetInt64(0),
            ("@doc", documentId));
        var candidates = new SortedSet<long>();
        foreach (var cluster in clusters)
        {
            candidates.UnionWith(sql.Rows(
                $"""
                SELECT e.document_id FROM engagement_links l JOIN engagements e ON e.id = l.engagement_id
                WHERE l.cluster_id = @cluster AND e.document_id < @doc
                ORDER BY l.engagement_id LIMIT {CandidatesPerCluster}
                """,
                r => r.GetInt64(0),
                ("@cluster", cluster),
                ("@doc", documentId)));
        }

        if (candidates.Count == 0)
        {
            return;
        }

        IReadOnlyList<string>? numbers = null;
        foreach (var candidate in candidates)
        {
            if (Document(sql, candidate) is not { } other || !PublishedClose(own.Published, other.Published))
            {
                continue;
            }

            numbers ??= ContentNumbers.Of(Text(sql, documentId));
            var (shared, similarity) = ContentNumbers.Compare(numbers, ContentNumbers.Of(Text(sql, candidate)));
            if (shared >= MinShared && similarity >= MinSimilarity)
            {
                // A version of a version is a version of the first: one original per release.
                var original = other.NearDuplicateOf
                    ?? sql.Long("SELECT original_id FROM document_versions WHERE document_id = @id", ("@id", candidate))
                    ?? candidate;
                sql.Execute(
                    "INSERT INTO document_versions (document_id, original_id, kind, shared, similarity) VALUES (@doc, @original, @kind, @shared, @similarity)",
                    ("@doc", documentId),
                    ("@original", original),
                    ("@kind", own.Language == other.Language ? VersionKinds.Copy : VersionKinds.Translation),
                    ("@shared", shared),
                    ("@similarity", Math.Round(similarity, 3)));
                return;
            }
        }
    }

    private sealed record Row(string Language, string? Published, long? NearDuplicateOf);

    private static Row? Document(CurationSql sql, long id) =>
        sql.Rows(
            "SELECT language, published, near_duplicate_of FROM documents WHERE id = @id",
            r => new Row(r.GetString(0), r.GetNullableString(1), r.IsDBNull(2) ? null : r.GetInt64(2)),
            ("@id", id)).FirstOrDefault();

    private static string Text(CurationSql sql, long id) =>
        sql.Rows("SELECT clean_packed, clean_text FROM documents WHERE id = @id", r => PackedText.Read(r, 0, 1) ?? string.Empty, ("@id", id)).FirstOrDefault() ?? string.Empty;

    /// <summary>Both publication dates known and their days within <see cref="MaxPublishedDays"/>; or either unknown (a page without a stamp).</summary>
    private static bool PublishedClose(string? a, string? b)
    {
        if (FactDate.FromColumns(a, null) is not { HasYear: true } x || FactDate.FromColumns(b, null) is not { HasYear: true } y)
        {
            return true;
        }

        return x.Start.DayNumber - MaxPublishedDays <= y.End.DayNumber && y.Start.DayNumber - MaxPublishedDays <= x.End.DayNumber;
    }
}
