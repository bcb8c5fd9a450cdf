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
        var engagements = sql.Rows(
            "SELECT id, evidence_start, evidence_end FROM engagements WHERE document_id = @id ORDER BY ordinal",
            r => (Id: r.GetInt64(0), Start: r.GetInt32(1), End: r.GetInt32(2)),
            ("@id", documentId));
        var commitments = sql.Rows(
            "SELECT id, start, \"end\", due FROM commitments WHERE document_id = @id ORDER BY ordinal",
            r => (Id: r.GetInt64(0), Start: r.GetInt32(1), End: r.GetInt32(2), Due: r.GetNullableString(3)),
            ("@id", documentId));
        var (engagementKeys, commitmentKeys) = Compute(hash, text, html, engagements.Select(e => (e.Start, e.End)), commitments.Select(c => (c.Start, c.End, c.Due)));
        for (var i = 0; i < engagements.Count; i++)
        {
            sql.Execute("UPDATE engagements SET fact_key = @key WHERE id = @id", ("@key", engagementKeys[i]), ("@id", engagements[i].Id));
        }

        for (var i = 0; i < commitments.Count; i++)
        {
            sql.Execute("UPDATE commitments SET fact_key = @key WHERE id = @id", ("@key", commitmentKeys[i]), ("@id", commitments[i].Id));
        }
    }

    /// <summary>
    /// The keys of a document's engagements and commitments, each list in ordinal order (repeats
    /// counted), from its content hash, original text and the facts' offsets: what <see cref="Assign"/>
    /// writes, for a writer that names the rows before it stores them.
    /// </summary>
    public static (List<string> Engagements, List<string> Commitments) Compute(
        string contentHash, string text, bool isHtml, IEnumerable<(int Start, int End)> engagements, IEnumerable<(int Start, int End, string? Due)> commitments)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var engagementKeys = new List<string>();
        foreach (var (start, end) in engagements)
        {
            var passage = CommitmentKey.Normalize(Passage(text, isHtml, start, end));
            var occurrence = seen[passage] = seen.TryGetValue(passage, out var n) ? n + 1 : 0;
            engagementKeys.Add(Engagement(contentHash, passage, occurrence));
        }

        seen.Clear();
        var commitmentKeys = new List<string>();
        foreach (var (start, end, due) in commitments)
        {
            var sentence = Passage(text, isHtml, start, end);
            var name = CommitmentKey.Normalize(sentence) + "\n" + due;
            var occurrence = seen[name] = seen.TryGetValue(name, out var n) ? n + 1 : 0;
            commitmentKeys.Add(CommitmentKey.Compute(contentHash, sentence, due, occurrence));
        }

        return (engagementKeys, commitmentKeys);
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
