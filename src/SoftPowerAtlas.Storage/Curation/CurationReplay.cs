namespace SoftPowerAtlas.Storage.Curation;

/// <summary>
/// Applies edits to the stored rows: once when an edit is made, and again whenever a document's facts
/// are written (ingest, re-extraction, an undo that rebuilds a document), so curation holds across
/// both. Facts are found by their stable key, entities by theirs. One instance per transaction: it
/// keeps the entity edits in force for the documents written in it (the transaction holds the write
/// lock, so no other edit can come in between).
/// </summary>
internal sealed class CurationReplay(CurationSql sql)
{
    private List<CurationEvent>? _entityEvents;

    /// <summary>Names the document's new fact rows and applies the edits in force on them, oldest first.</summary>
    public List<UnappliedEdit> AfterFactsWritten(long documentId, string contentHash)
    {
        FactKeys.Assign(sql, documentId);
        return ApplyInForce(documentId, contentHash);
    }

    /// <summary>Applies the edits in force on the document's fact rows, already named, oldest first.</summary>
    public List<UnappliedEdit> ApplyInForce(long documentId, string contentHash)
    {
        _entityEvents ??= CurationLog.Active(sql, [.. CurationKinds.EntityKinds]);
        var facts = CurationLog.ActiveFactEdits(sql, contentHash);
        var unapplied = new List<UnappliedEdit>();
        foreach (var e in facts.Concat(_entityEvents).OrderBy(e => e.Id))
        {
            if (Apply(e, documentId) is { } reason)
            {
                unapplied.Add(new UnappliedEdit(e, reason));
            }
        }

        return unapplied;
    }

    /// <summary>The entity edits in force changed: read them again at the next document.</summary>
    public void Forget() => _entityEvents = null;

    /// <summary>
    /// Applies one edit (in one document when <paramref name="documentId"/> is given, where that
    /// matters); null when it applied, else why not.
    /// </summary>
    public string? Apply(CurationEvent e, long? documentId)
    {
        var after = CurationLog.Json(e.After);
        var key = CurationTargets.KeyOf(e.Target);
        switch (e.Kind)
        {
            case CurationKinds.FactSet:
                var row = FactState.Find(sql, key);
                if (row is null)
                {
                    return $"fact {key} is not among the document's facts now (extraction no longer finds it)";
                }

                var missing = FactState.Write(sql, row, after!, k => Resolve(k)?.Id);
                return missing.Count == 0 ? null : $"no entity {string.Join(", ", missing)} now; those parties were left out";
            case CurationKinds.EntityMerge:
                if (EntityOps.Get(sql, key) is { } from && Resolve(after!["into"]!.GetValue<string>()) is { } into && into.Id != from.Id)
                {
                    EntityOps.Merge(sql, from, into);
                }

                return null;
            case CurationKinds.EntitySplit:
                if (EntityOps.Get(sql, key) is { } source)
                {
                    var newKey = after!["new_key"]!.GetValue<string>();
                    var target = EntityOps.Get(sql, newKey)
                        ?? EntityOps.Create(sql, newKey, after["name"]!.GetValue<string>(), source.Country, source.Kind);
                    var aliases = after["aliases"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
                    EntityOps.Split(sql, source, target, aliases, documentId);
                }

                return null;
            case CurationKinds.AliasAdd:
                if (Resolve(key) is { } entity)
                {
                    EntityOps.AddAlias(sql, entity.Id, after!["alias"]!.GetValue<string>());
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The entity a key names now: itself, or where merges in force took it.</summary>
    public EntityRow? Resolve(string key)
    {
        for (var hop = 0; hop < 32; hop++)
        {
            if (EntityOps.Get(sql, key) is { } row)
            {
                return row;
            }

            _entityEvents ??= CurationLog.Active(sql, [.. CurationKinds.EntityKinds]);
            var merge = _entityEvents.LastOrDefault(e => e.Kind == CurationKinds.EntityMerge && CurationTargets.KeyOf(e.Target) == key);
            if (merge is null)
            {
                return null;
            }

            key = CurationLog.Json(merge.After)!["into"]!.GetValue<string>();
        }

        return null;
    }
}
