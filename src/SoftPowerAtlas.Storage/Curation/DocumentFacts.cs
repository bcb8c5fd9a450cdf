using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Resolution;

namespace SoftPowerAtlas.Storage.Curation;

/// <summary>
/// Writes a stored document's facts again: its fact rows are deleted, written from the facts (read
/// back from the stored JSON, or a new extraction's), named, and the curation in force applied on top. The
/// document row, its sources and its entities stay; row ids of its facts change, their keys do not.
/// </summary>
internal static class DocumentFacts
{
    public static List<UnappliedEdit> Rewrite(CurationSql sql, CurationReplay replay, long documentId, string contentHash, ExtractedFacts facts)
    {
        Clear(sql, documentId);
        using (var writer = new FactsWriter(text => sql.Command(text)))
        {
            writer.Write(documentId, facts);
        }

        var unapplied = replay.AfterFactsWritten(documentId, contentHash);
        EngagementResolver.Resolve(sql, documentId);
        return unapplied;
    }

    /// <summary>
    /// Deletes the document's fact rows. The engagements' children go first, while their engagement
    /// still exists, so search's facet triggers can see which document they belonged to.
    /// </summary>
    private static void Clear(CurationSql sql, long documentId)
    {
        foreach (var child in new[] { "engagement_parties", "engagement_countries", "engagement_sectors", "engagement_links", "engagement_signs" })
        {
            sql.Execute($"DELETE FROM {child} WHERE engagement_id IN (SELECT id FROM engagements WHERE document_id = @doc)", ("@doc", documentId));
        }

        sql.Execute("DELETE FROM document_versions WHERE document_id = @doc", ("@doc", documentId)); // found again with its engagements

        foreach (var table in new[] { "engagements", "commitments", "mentions", "person_roles" })
        {
            sql.Execute($"DELETE FROM {table} WHERE document_id = @doc", ("@doc", documentId));
        }
    }
}
