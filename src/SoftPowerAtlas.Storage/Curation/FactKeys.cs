using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Curation;

/// <summary>
/// Stable names of a document's engagements and commitments, written into <c>fact_key</c> when its
/// facts are written, from what extraction produced: a corrected type or due date never renames a
/// fact, and the same text extracted again gives the same names, so curation finds its targets.
/// A commitment's key is <see cref="CommitmentKey"/> (the done marks made before curation use it);
/// an engagement's hashes the content hash and its passage the same way, under another prefix.
/// </summary>
internal static partial class FactKeys
{
    /// <summary>The engagement key: 16 hex digits, disjoint from commitment keys by its prefix in the hash.</summary>
    public static string Engagement(string contentHash, string passage, int occurrence)
    {
        var text = string.Join('\n', "engagement", contentHash, CommitmentKey.Normalize(passage), occurrence.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..CommitmentKey.Length];
    }

    /// <summary>
    /// The passage at [start, end) as a reader sees it: in an HTML page without tags and with entities
    /// decoded. Clamped to the text (a damaged row must not crash a reader).
    /// </summary>
    public static string Passage(string text, bool isHtml, int start, int end)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        var passage = text[start..end];
        return isHtml && (passage.Contains('<', StringComparison.Ordinal) || passage.Contains('&', StringComparison.Ordinal))
            ? System.Net.WebUtility.HtmlDecode(Tag().Replace(passage, string.Empty))
            : passage;
    }

    /// <summary>Names every engagement and commitment of the document (in ordinal order, repeats counted).</summary>
    public static void Assign(CurationSql sql, long documentId)
    {
        var doc = sql.Rows(
            "SELECT content_hash, original_text, format, original_packed FROM documents WHERE id = @id",
            r => (Hash: r.GetString(0), Text: PackedText.Read(r, 3, 1) ?? string.Empty, Html: r.GetString(2) == "html"),
            ("@id", documentId));
        if (doc.Count == 0)
        {
            return;
        }

        var (hash, text, html) = doc[0];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, start, end) in sql.Rows(
            "SELECT id, evidence_start, evidence_end FROM engagements WHERE document_id = @id ORDER BY ordinal",
            r => (r.GetInt64(0), r.GetInt32(1), r.GetInt32(2)),
            ("@id", documentId)))
        {
            var passage = CommitmentKey.Normalize(Passage(text, html, start, end));
            var occurrence = seen[passage] = seen.TryGetValue(passage, out var n) ? n + 1 : 0;
            sql.Execute("UPDATE engagements SET fact_key = @key WHERE id = @id", ("@key", Engagement(hash, passage, occurrence)), ("@id", id));
        }

        seen.Clear();
        foreach (var (id, start, end, due) in sql.Rows(
            "SELECT id, start, \"end\", due FROM commitments WHERE document_id = @id ORDER BY ordinal",
            r => (r.GetInt64(0), r.GetInt32(1), r.GetInt32(2), r.GetNullableString(3)),
            ("@id", documentId)))
        {
            var sentence = Passage(text, html, start, end);
            var name = CommitmentKey.Normalize(sentence) + "\n" + due;
            var occurrence = seen[name] = seen.TryGetValue(name, out var n) ? n + 1 : 0;
            sql.Execute("UPDATE commitments SET fact_key = @key WHERE id = @id", ("@key", CommitmentKey.Compute(hash, sentence, due, occurrence)), ("@id", id));
        }
    }

    /// <summary>Names the facts of documents stored before keys existed (after the migration that added them).</summary>
    public static int Backfill(CurationSql sql)
    {
        var documents = sql.Rows(
            "SELECT document_id FROM engagements WHERE fact_key IS NULL UNION SELECT document_id FROM commitments WHERE fact_key IS NULL",
            r => r.GetInt64(0));
        foreach (var id in documents)
        {
            Assign(sql, id);
        }

        return documents.Count;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
