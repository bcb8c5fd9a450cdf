using System.Text.Json.Nodes;

namespace SoftPowerAtlas.Storage.Curation;

/// <summary>A stored fact row found by its stable key.</summary>
internal sealed record FactRow(string Key, string Kind, long Id, long DocumentId, string ContentHash)
{
    public const string Engagement = "engagement";
    public const string Commitment = "commitment";
}

/// <summary>
/// Reads and writes the curated fields of an engagement (type, date, end_date, place, parties,
/// countries, sectors) or a commitment (what, who, due) as a JSON object of just those fields, so an
/// event's before and after are the same shape as what is applied.
/// </summary>
internal static class FactState
{
    public static readonly IReadOnlyList<string> EngagementFields = ["type", "date", "end_date", "place", "parties", "countries", "sectors"];

    public static readonly IReadOnlyList<string> CommitmentFields = ["what", "who", "due"];

    private const string Select = """
        SELECT x.fact_key, '{0}', x.id, x.document_id, d.content_hash FROM {1} x JOIN documents d ON d.id = x.document_id
        """;

    /// <summary>Facts whose key starts with <paramref name="prefix"/> (hex, checked by the caller); at most a few.</summary>
    public static List<FactRow> FindByPrefix(CurationSql sql, string prefix) =>
        Find(sql, "x.fact_key LIKE @key", prefix + "%");

    public static FactRow? Find(CurationSql sql, string key) => Find(sql, "x.fact_key = @key", key).FirstOrDefault();

    /// <summary>Every current field of the fact.</summary>
    public static JsonObject Read(CurationSql sql, FactRow row)
    {
        var state = new JsonObject();
        if (row.Kind == FactRow.Commitment)
        {
            foreach (var (what, who, due) in sql.Rows("SELECT what, who, due FROM commitments WHERE id = @id", r => (r.GetString(0), r.GetNullableString(1), r.GetNullableString(2)), ("@id", row.Id)))
            {
                (state["what"], state["who"], state["due"]) = (what, who, due);
            }

            return state;
        }

        foreach (var (type, date, end, place) in sql.Rows(
            "SELECT type, date, end_date, place FROM engagements WHERE id = @id",
            r => (r.GetString(0), r.GetNullableString(1), r.GetNullableString(2), r.GetNullableString(3)),
            ("@id", row.Id)))
        {
            (state["type"], state["date"], state["end_date"], state["place"]) = (type, date, end, place);
        }

        var parties = new JsonArray();
        foreach (var (key, side) in sql.Rows(
            "SELECT n.key, p.side FROM engagement_parties p JOIN entities n ON n.id = p.entity_id WHERE p.engagement_id = @id ORDER BY p.side DESC, n.key",
            r => (r.GetString(0), r.GetString(1)),
            ("@id", row.Id)))
        {
            parties.Add(new JsonObject { ["key"] = key, ["side"] = side });
        }

        state["parties"] = parties;
        state["countries"] = Strings(sql.Rows("SELECT country FROM engagement_countries WHERE engagement_id = @id ORDER BY country", r => r.GetString(0), ("@id", row.Id)));
        state["sectors"] = Strings(sql.Rows("SELECT sector FROM engagement_sectors WHERE engagement_id = @id ORDER BY sector", r => r.GetString(0), ("@id", row.Id)));
        return state;
    }

    /// <summary>The fields of <paramref name="state"/> named in <paramref name="fields"/>, copied.</summary>
    public static JsonObject Pick(JsonObject state, IEnumerable<string> fields)
    {
        var picked = new JsonObject();
        foreach (var f in fields)
        {
            picked[f] = state[f]?.DeepClone();
        }

        return picked;
    }

    /// <summary>
    /// Writes the fields present in <paramref name="fields"/> onto the row. A party names an entity by
    /// key, looked up through <paramref name="resolve"/> (which follows merges); returns the keys that
    /// name no entity (those parties are left out).
    /// </summary>
    public static List<string> Write(CurationSql sql, FactRow row, JsonObject fields, Func<string, long?> resolve)
    {
        var missing = new List<string>();
        var table = row.Kind == FactRow.Commitment ? "commitments" : "engagements";
        foreach (var (name, value) in fields)
        {
            switch (name)
            {
                case "type" or "date" or "end_date" or "place" when row.Kind == FactRow.Engagement:
                case "what" or "who" or "due" when row.Kind == FactRow.Commitment:
                    // The column name is one of the constants matched above, never input.
                    sql.Execute($"UPDATE {table} SET {name} = @v WHERE id = @id", ("@v", value?.GetValue<string>()), ("@id", row.Id));
                    break;
                case "parties" when row.Kind == FactRow.Engagement:
                    sql.Execute("DELETE FROM engagement_parties WHERE engagement_id = @id", ("@id", row.Id));
                    foreach (var party in value?.AsArray() ?? [])
                    {
                        var key = party!["key"]!.GetValue<string>();
                        if (resolve(key) is { } entity)
                        {
                            sql.Execute(
                                "INSERT INTO engagement_parties (engagement_id, entity_id, side) VALUES (@id, @entity, @side) ON CONFLICT DO NOTHING",
                                ("@id", row.Id), ("@entity", entity), ("@side", party["side"]!.GetValue<string>()));
                        }
                        else
                        {
                            missing.Add(key);
                        }
                    }

                    break;
                case "countries" when row.Kind == FactRow.Engagement:
                    ReplaceList(sql, "engagement_countries", "country", row.Id, value);
                    break;
                case "sectors" when row.Kind == FactRow.Engagement:
                    ReplaceList(sql, "engagement_sectors", "sector", row.Id, value);
                    break;
                default:
                    break;
            }
        }

        return missing;
    }

    /// <summary>The entity keys a state names as parties.</summary>
    public static IEnumerable<string> PartyKeys(JsonObject? state) =>
        (state?["parties"]?.AsArray() ?? []).Select(p => p?["key"]?.GetValue<string>()).OfType<string>();

    private static void ReplaceList(CurationSql sql, string table, string column, long id, JsonNode? values)
    {
        sql.Execute($"DELETE FROM {table} WHERE engagement_id = @id", ("@id", id));
        foreach (var v in values?.AsArray() ?? [])
        {
            sql.Execute($"INSERT INTO {table} (engagement_id, {column}) VALUES (@id, @v) ON CONFLICT DO NOTHING", ("@id", id), ("@v", v!.GetValue<string>()));
        }
    }

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];

    private static List<FactRow> Find(CurationSql sql, string condition, string value)
    {
        var query = string.Format(System.Globalization.CultureInfo.InvariantCulture, Select, FactRow.Engagement, "engagements") + " WHERE " + condition
            + " UNION ALL " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Select, FactRow.Commitment, "commitments") + " WHERE " + condition
            + " ORDER BY 1 LIMIT 6";
        return sql.Rows(query, r => new FactRow(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetString(4)), ("@key", value));
    }
}
