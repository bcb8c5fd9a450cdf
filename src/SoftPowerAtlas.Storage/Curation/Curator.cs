using System.Text.Json.Nodes;
using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Curation;

/// <summary>
/// Curation of the stored facts by people: correct an engagement or a commitment, mark a commitment
/// done or dropped, merge and split entities, add aliases and notes, undo. Every edit is applied to
/// the fact rows (so every reader sees it) and logged as an event with who, when, before and after,
/// by stable keys, so ingest and re-extraction apply it again. Works on both engines; each edit is
/// one transaction holding the store's write lock (the one ingest holds).
/// </summary>
public sealed partial class Curator(IAtlasStore store, TimeProvider clock)
{
    /// <summary>Longest note, alias or actor name accepted.</summary>
    public const int MaxNote = 4000;

    public const int MaxName = 300;

    /// <summary>The fact an id (a unique prefix of 6+ hex digits of its key) names, with its fields now.</summary>
    public (CuratedFact? Fact, string? Error, CurationFailure Failure) FindFact(string id) => Read<(CuratedFact?, string?, CurationFailure)>(sql =>
    {
        var (row, error, failure) = Locate(sql, id);
        return row is null ? (null, error, failure) : (ToFact(row, FactState.Read(sql, row)), null, CurationFailure.None);
    });

    /// <summary>Corrects the fields <paramref name="edit"/> gives on the fact <paramref name="id"/> names.</summary>
    public CurationResult SetFact(string id, FactEdit edit, string actor)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (edit.IsEmpty)
        {
            return CurationResult.Fail(CurationFailure.Invalid, "say what to change (e.g. --type mou_signing, --date 2024-06-28, --sectors film,music; --due FY2025 for a commitment)");
        }

        return Edit(actor, (sql, replay) =>
        {
            var (row, error, failure) = Locate(sql, id);
            if (row is null)
            {
                return CurationResult.Fail(failure, error!);
            }

            var current = FactState.Read(sql, row);
            var (after, problem) = FactEditor.Build(replay, row, current, edit);
            if (problem is not null)
            {
                return CurationResult.Fail(CurationFailure.Invalid, problem);
            }

            if (after!.Count == 0)
            {
                return Unchanged($"{row.Key} already reads so; nothing changed");
            }

            var before = FactState.Pick(current, after.Select(p => p.Key));
            var e = CurationLog.Append(sql, clock.GetUtcNow(), actor, CurationKinds.FactSet, CurationTargets.Fact(row.Key), row.ContentHash, before, after);
            return replay.Apply(e, row.DocumentId) is { } reason ? CurationResult.Fail(CurationFailure.Invalid, reason) : CurationResult.Made(e);
        });
    }

    /// <summary>Marks a commitment done or dropped, or open again; a mark whose document is gone can still be changed.</summary>
    public CurationResult SetStatus(string id, string status, string? note, string actor)
    {
        if (status is not (CommitmentStatuses.Done or CommitmentStatuses.Dropped or CommitmentStatuses.Open))
        {
            return CurationResult.Fail(CurationFailure.Invalid, $"status '{status}' is not one of done, dropped, open");
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > MaxNote)
        {
            return CurationResult.Fail(CurationFailure.Invalid, $"the note is {note.Length} characters long; at most {MaxNote}");
        }

        return Edit(actor, (sql, _) =>
        {
            var marks = ReadMarks(sql);
            var (row, error, failure) = Locate(sql, id);
            string key, hash;
            if (row is not null)
            {
                if (row.Kind != FactRow.Commitment)
                {
                    return CurationResult.Fail(CurationFailure.Invalid, $"{row.Key} is an engagement; only commitments are done, dropped or open");
                }

                (key, hash) = (row.Key, row.ContentHash);
            }
            else if (failure == CurationFailure.NotFound && status == CommitmentStatuses.Open
                && marks.Values.Where(m => m.Status != CommitmentStatuses.Open && m.Key.StartsWith(Normalize(id), StringComparison.Ordinal)).Select(m => m.Key).ToList() is [var only])
            {
                (key, hash) = (only, marks[only].ContentHash);
            }
            else
            {
                return CurationResult.Fail(failure, error!);
            }

            var was = marks.GetValueOrDefault(key);
            var (wasStatus, wasNote) = (was?.Status ?? CommitmentStatuses.Open, was?.Note);
            if (wasStatus == status && (status == CommitmentStatuses.Open || wasNote == note))
            {
                return Unchanged(status == CommitmentStatuses.Open ? $"{key} was not marked done or dropped; nothing changed" : $"{key} is already {status}; nothing changed");
            }

            var e = CurationLog.Append(sql, clock.GetUtcNow(), actor, CurationKinds.CommitmentStatus, CurationTargets.Fact(key), hash,
                new JsonObject { ["status"] = wasStatus, ["note"] = wasNote }, new JsonObject { ["status"] = status, ["note"] = note });
            return CurationResult.Made(e);
        });
    }

    /// <summary>Merges entity <paramref name="fromKey"/> into <paramref name="intoKey"/>: its aliases, mentions, engagements and roles move over.</summary>
    public CurationResult Merge(string fromKey, string intoKey, string actor) => Edit(actor, (sql, replay) =>
    {
        var (from, into) = (EntityOps.Get(sql, fromKey.Trim()), EntityOps.Get(sql, intoKey.Trim()));
        if (from is null || into is null)
        {
            return CurationResult.Fail(CurationFailure.NotFound, $"no entity '{(from is null ? fromKey : intoKey).Trim()}' (see 'atlas entities NAME' for keys)");
        }

        if (from.Id == into.Id)
        {
            return CurationResult.Fail(CurationFailure.Invalid, $"'{from.Key}' cannot be merged into itself");
        }

        var before = new JsonObject
        {
            ["entity"] = new JsonObject { ["key"] = from.Key, ["name"] = from.Name, ["country"] = from.Country, ["kind"] = from.Kind },
            ["aliases"] = Array(EntityOps.Aliases(sql, from.Id)),
        };
        var e = CurationLog.Append(sql, clock.GetUtcNow(), actor, CurationKinds.EntityMerge, CurationTargets.Entity(from.Key), null, before, new JsonObject { ["into"] = into.Key });
        var added = EntityOps.Merge(sql, from, into);

        // The aliases the merge gave the surviving entity: an undo takes exactly these away again.
        var after = new JsonObject { ["into"] = into.Key, ["added_aliases"] = Array(added) };
        sql.Execute("UPDATE curation_events SET after_json = @after WHERE id = @id", ("@after", after.ToJsonString(CurationLog.JsonOptions)), ("@id", e.Id));
        replay.Forget();
        return CurationResult.Made(e with { After = after.ToJsonString(CurationLog.JsonOptions) });
    });

    /// <summary>
    /// Splits <paramref name="aliases"/> of entity <paramref name="key"/> off into <paramref name="newKey"/>
    /// (created when missing; default: the kind prefix and the first alias), with the mentions written so.
    /// </summary>
    public CurationResult Split(string key, IReadOnlyList<string> aliases, string? newKey, string? name, string actor)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        var wanted = aliases.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return CurationResult.Fail(CurationFailure.Invalid, "name the aliases to split off (--aliases A,B)");
        }

        return Edit(actor, (sql, replay) =>
        {
            var source = EntityOps.Get(sql, key.Trim());
            if (source is null)
            {
                return CurationResult.Fail(CurationFailure.NotFound, $"no entity '{key.Trim()}' (see 'atlas entities NAME' for keys)");
            }

            var had = EntityOps.Aliases(sql, source.Id);
            var unknown = wanted.Where(a => !had.Contains(a, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                return CurationResult.Fail(CurationFailure.Invalid, $"{string.Join(", ", unknown.Select(u => $"'{u}'"))} is not an alias of {source.Key}; its aliases are {string.Join(", ", had)}");
            }

            if (wanted.Count >= had.Count)
            {
                return CurationResult.Fail(CurationFailure.Invalid, $"splitting every alias off {source.Key} leaves it nothing; merge or rename instead");
            }

            var prefix = source.Key.Contains(':', StringComparison.Ordinal) ? source.Key[..source.Key.IndexOf(':', StringComparison.Ordinal)] : "org";
            var target = string.IsNullOrWhiteSpace(newKey) ? $"{prefix}:{Slug(wanted[0])}" : newKey.Trim();
            if (target == source.Key || target.Length > MaxName || !target.Contains(':', StringComparison.Ordinal))
            {
                return CurationResult.Fail(CurationFailure.Invalid, $"'{target}' cannot be the new key: give a key like {prefix}:name, other than {source.Key}");
            }

            var exists = EntityOps.Get(sql, target) is not null;
            var after = new JsonObject
            {
                ["new_key"] = target,
                ["name"] = string.IsNullOrWhiteSpace(name) ? wanted[0] : name.Trim(),
                ["aliases"] = Array(wanted),
                ["created"] = !exists,
            };
            var e = CurationLog.Append(sql, clock.GetUtcNow(), actor, CurationKinds.EntitySplit, CurationTargets.Entity(source.Key), null,
                new JsonObject { ["aliases"] = Array(had) }, after);
            replay.Forget();
            replay.Apply(e, null);
            return CurationResult.Made(e);
        });
    }

    /// <summary>Adds an alias to an entity, so searches and filters by that name find it.</summary>
    public CurationResult AddAlias(string key, string alias, string actor)
    {
        alias = alias?.Trim() ?? string.Empty;
        if (alias.Length is 0 or > MaxName)
        {
            return CurationResult.Fail(CurationFailure.Invalid, $"an alias is 1 to {MaxName} characters long");
        }

        return Edit(actor, (sql, replay) =>
        {
            var entity = EntityOps.Get(sql, key.Trim());
            if (entity is null)
            {
                return CurationResult.Fail(CurationFailure.NotFound, $"no entity '{key.Trim()}' (see 'atlas entities NAME' for keys)");
            }

            if (EntityOps.Aliases(sql, entity.Id).Contains(alias, StringComparer.Ordinal))
            {
                return Unchanged($"'{alias}' is already an alias of {entity.Key}; nothing changed");
            }

            var e = CurationLog.Append(sql, clock.GetUtcNow(), actor, CurationKinds.AliasAdd, CurationTargets.Entity(entity.Key), null,
                new JsonObject { ["had"] = false }, new JsonObject { ["alias"] = alias });
            replay.Forget();
            replay.Apply(e, null);
            return CurationResult.Made(e);
        });
    }

    /// <summary>
    /// Adds a note to a fact (its id), an entity (its key, or <c>entity:KEY</c>) or a document
    /// (<c>doc:ID</c> or its number).
    /// </summary>
    public CurationResult AddNote(string target, string text, string actor)
    {
        text = text?.Trim() ?? string.Empty;
        if (text.Length is 0 or > MaxNote)
        {
            return CurationResult.Fail(CurationFailure.Invalid, $"a note is 1 to {MaxNote} characters long");
        }

        return Edit(actor, (sql, _) =>
        {
            var (name, hash, error, failure) = ResolveTarget(sql, target);
            return name is null
                ? CurationResult.Fail(failure, error!)
                : CurationResult.Made(CurationLog.Append(sql, clock.GetUtcNow(), actor, CurationKinds.Note, name, hash, null, new JsonObject { ["text"] = text }));
        });
    }

    private static CuratedFact ToFact(FactRow row, JsonObject state) => new(row.Key, row.Kind, row.DocumentId, row.ContentHash, state.ToJsonString(CurationLog.JsonOptions));

    private static CurationResult Unchanged(string detail) => new(null, null, CurationFailure.None) { Detail = detail };

    private static JsonArray Array(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];

    private static string Normalize(string id) => (id ?? string.Empty).Trim().ToLowerInvariant();

    private static string Slug(string text)
    {
        var b = new System.Text.StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            b.Append(char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark ? c : '_');
        }

        return b.ToString().Trim('_');
    }

    /// <summary>The fact an id names: a unique key prefix of 6 to 16 hex digits.</summary>
    private static (FactRow? Row, string? Error, CurationFailure Failure) Locate(CurationSql sql, string id)
    {
        var prefix = Normalize(id);
        if (prefix.StartsWith(CurationTargets.FactPrefix, StringComparison.Ordinal))
        {
            prefix = prefix[CurationTargets.FactPrefix.Length..];
        }

        if (!CommitmentKey.IsPrefix(prefix))
        {
            return (null, $"'{id}' is not a fact id: give the id 'atlas timeline' or 'atlas due' prints ({CommitmentKey.MinimumPrefix} to {CommitmentKey.Length} hex digits)", CurationFailure.Invalid);
        }

        var rows = FactState.FindByPrefix(sql, prefix);
        return rows.Count switch
        {
            0 => (null, $"no fact '{prefix}' (the ids are those 'atlas timeline' and 'atlas due --all' print)", CurationFailure.NotFound),
            1 => (rows[0], null, CurationFailure.None),
            _ => (null, $"'{prefix}' starts several facts ({string.Join(", ", rows.Select(r => r.Key))}); give more digits", CurationFailure.Invalid),
        };
    }

    /// <summary>A note's target in the log's form, and the content hash of its document.</summary>
    private static (string? Target, string? Hash, string? Error, CurationFailure Failure) ResolveTarget(CurationSql sql, string target)
    {
        var t = (target ?? string.Empty).Trim();
        if (DocumentId(t, requirePrefix: true) is { } docId)
        {
            var hash = sql.Scalar("SELECT content_hash FROM documents WHERE id = @id", ("@id", docId)) as string;
            return hash is null ? (null, null, $"no document #{docId}", CurationFailure.NotFound) : (CurationTargets.Document(hash), hash, null, CurationFailure.None);
        }

        if (t.StartsWith(CurationTargets.EntityPrefix, StringComparison.Ordinal) || (t.Contains(':', StringComparison.Ordinal) && !t.StartsWith(CurationTargets.FactPrefix, StringComparison.Ordinal)))
        {
            var key = t.StartsWith(CurationTargets.EntityPrefix, StringComparison.Ordinal) ? t[CurationTargets.EntityPrefix.Length..] : t;
            return EntityOps.Get(sql, key) is { } entity
                ? (CurationTargets.Entity(entity.Key), null, null, CurationFailure.None)
                : (null, null, $"no entity '{key}' (see 'atlas entities NAME' for keys)", CurationFailure.NotFound);
        }

        var (row, error, failure) = Locate(sql, t);
        return row is null
            ? (null, null, error + "; or name an entity by its key (agency:dasta) or a document as doc:ID", failure)
            : (CurationTargets.Fact(row.Key), row.ContentHash, null, CurationFailure.None);
    }

    /// <summary>Runs an edit in one write transaction; commits only when it made or changed nothing wrongly.</summary>
    /// <summary>A document id as curation takes it: <c>doc:12</c>, <c>document:12</c>, <c>#12</c>, or (unless a prefix is required) <c>12</c>.</summary>
    private static long? DocumentId(string text, bool requirePrefix)
    {
        foreach (var prefix in new[] { "doc:", "document:", "#" })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text[prefix.Length..];
                requirePrefix = false;
                break;
            }
        }

        return !requirePrefix && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    private CurationResult Edit(string actor, Func<CurationSql, CurationReplay, CurationResult> edit)
    {
        actor = string.IsNullOrWhiteSpace(actor) ? "local" : actor.Trim();
        if (actor.Length > MaxName)
        {
            return CurationResult.Fail(CurationFailure.Invalid, $"the actor's name is {actor.Length} characters long; at most {MaxName}");
        }

        return Run(sql =>
        {
            var result = edit(sql, new CurationReplay(sql));
            return (result, result.Failure == CurationFailure.None && result.Event is not null);
        }, write: true);
    }

    private T Read<T>(Func<CurationSql, T> read) => StoreTransactions.Run(store, sql => (read(sql), false), write: false);

    private T Run<T>(Func<CurationSql, (T Result, bool Commit)> work, bool write) => StoreTransactions.Run(store, work, write);
}
