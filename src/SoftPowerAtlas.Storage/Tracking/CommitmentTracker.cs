using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Tracking;

/// <summary>Where a commitment stands on a given day.</summary>
public enum CommitmentState
{
    /// <summary>Due later than the "due soon" window.</summary>
    Open,

    /// <summary>Due within the window (today included).</summary>
    DueSoon,

    /// <summary>Its due date has passed and nobody marked it done.</summary>
    Overdue,

    /// <summary>Marked done by a user.</summary>
    Done,
}

/// <summary>A user's mark on a commitment, kept by its stable key.</summary>
public sealed record CommitmentMark(string Key, string? Note, DateTimeOffset ChangedAt);

/// <summary>A dated commitment as of a day: when it is due by, in how many days, and its state.</summary>
/// <remarks>DaysLeft: Days from the as-of day to the due day; negative when overdue.</remarks>
public sealed record DueItem(CommitmentFact Commitment, DateOnly DueBy, int DaysLeft, CommitmentState State, CommitmentMark? Mark);

/// <summary>What to list: as of which day, how far ahead counts as "due soon", and which commitments.</summary>
public sealed record DueQuery
{
    /// <summary>The day to judge from; null: today in Bangkok by the tracker's clock.</summary>
    public DateOnly? AsOf { get; init; }

    public int WithinDays { get; init; } = 30;

    /// <summary>Also list commitments due later and those marked done.</summary>
    public bool IncludeAll { get; init; }

    public FactFilter Filter { get; init; } = FactFilter.All;
}

/// <summary>Due and overdue commitments, most urgent first.</summary>
/// <remarks>Undated: Commitments matching the filter that give no due date (not listed).</remarks>
public sealed record DueReport(DateOnly AsOf, int WithinDays, IReadOnlyList<DueItem> Items, int Undated);

/// <summary>The result of marking a commitment: the one marked, or why nothing was.</summary>
public sealed record MarkResult(string? Key, string? What, string? Error, bool Changed);

/// <summary>
/// Commitments as a to-do list: which are due soon or overdue as of a day (a fiscal year is due on
/// 30 September, a year on 31 December, a month on its last day, a range on its last day), and
/// marks of done kept by stable key in <c>commitment_status</c>, so they survive re-ingest.
/// </summary>
public sealed class CommitmentTracker(FactReader reader, TimeProvider clock)
{
    /// <summary>Thailand keeps UTC+7 all year; "today" is the Bangkok day.</summary>
    public static readonly TimeSpan BangkokOffset = TimeSpan.FromHours(7);

    private IAtlasStore Store => reader.Store;

    /// <summary>Today in Bangkok by the injected clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(BangkokOffset).DateTime);

    public DueReport Due(DueQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.WithinDays);
        var asOf = query.AsOf ?? Today;
        var commitments = reader.Commitments(query.Filter with { Types = [FactTypes.Commitment] });
        var items = Classify(commitments, asOf, query.WithinDays, Marks())
            .Where(i => query.IncludeAll || i.State is CommitmentState.Overdue or CommitmentState.DueSoon)
            .ToList();
        return new DueReport(asOf, query.WithinDays, items, commitments.Count(c => c.Due is null));
    }

    /// <summary>States of dated commitments as of <paramref name="asOf"/>: overdue first, then by due day.</summary>
    public static IReadOnlyList<DueItem> Classify(IEnumerable<CommitmentFact> commitments, DateOnly asOf, int withinDays, IReadOnlyDictionary<string, CommitmentMark> marks)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        ArgumentNullException.ThrowIfNull(marks);
        var items = new List<DueItem>();
        foreach (var c in commitments)
        {
            if (c.Due is not { } due)
            {
                continue;
            }

            var days = due.DueBy.DayNumber - asOf.DayNumber;
            var mark = marks.GetValueOrDefault(c.Key);
            var state = mark is not null ? CommitmentState.Done
                : days < 0 ? CommitmentState.Overdue
                : days <= withinDays ? CommitmentState.DueSoon
                : CommitmentState.Open;
            items.Add(new DueItem(c, due.DueBy, days, state, mark));
        }

        return [.. items.OrderBy(i => i.State switch { CommitmentState.Overdue => 0, CommitmentState.DueSoon => 1, CommitmentState.Open => 2, _ => 3 })
            .ThenBy(i => i.DueBy)
            .ThenBy(i => i.Commitment.Source.DocumentId)
            .ThenBy(i => i.Commitment.Source.Start)];
    }

    /// <summary>Every mark kept, by commitment key.</summary>
    public IReadOnlyDictionary<string, CommitmentMark> Marks() => Store.Read((connection, transaction) =>
    {
        var marks = new Dictionary<string, CommitmentMark>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT commitment_key, note, changed_at FROM commitment_status WHERE status = 'done'";
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            marks[r.GetString(0)] = new CommitmentMark(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), StoreDialect.ReadTimestamp(r, 2));
        }

        return marks;
    });

    /// <summary>Marks the commitment whose key starts with <paramref name="id"/> as done (again: updates the note).</summary>
    public MarkResult MarkDone(string id, string? note)
    {
        var found = Find(id);
        if (found.Error is not null || found.Commitment is not { } c)
        {
            return new MarkResult(null, null, found.Error, false);
        }

        var contentHash = Store.GetDocument(c.Source.DocumentId)?.ContentHash ?? string.Empty;
        Store.Write((_, transaction) =>
        {
            using var command = transaction.Command(
                """
                INSERT INTO commitment_status (commitment_key, content_hash, status, note, what, due, changed_at)
                VALUES (@key, @hash, 'done', @note, @what, @due, @at)
                ON CONFLICT (commitment_key) DO UPDATE SET note = excluded.note, changed_at = excluded.changed_at
                """,
                ("@key", c.Key),
                ("@hash", contentHash),
                ("@note", string.IsNullOrWhiteSpace(note) ? null : note.Trim()),
                ("@what", c.What),
                ("@due", c.DueWritten),
                ("@at", Store.Dialect.Timestamp(clock.GetUtcNow())));
            return command.ExecuteNonQuery();
        });
        return new MarkResult(c.Key, c.What, null, true);
    }

    /// <summary>Takes the done mark off; works on a kept mark even when its document is no longer stored.</summary>
    public MarkResult Reopen(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        id = id.Trim().ToLowerInvariant();
        if (!CommitmentKey.IsPrefix(id))
        {
            return new MarkResult(null, null, BadId(id), false);
        }

        var keys = Marks().Keys.Where(k => k.StartsWith(id, StringComparison.Ordinal)).ToList();
        if (keys.Count == 0)
        {
            var found = Find(id);
            return new MarkResult(found.Commitment?.Key, found.Commitment?.What, found.Error, false);
        }

        if (keys.Count > 1)
        {
            return new MarkResult(null, null, $"'{id}' starts {keys.Count} marked commitments ({string.Join(", ", keys)}); give more digits", false);
        }

        Store.Write((_, transaction) =>
        {
            using var command = transaction.Command("DELETE FROM commitment_status WHERE commitment_key = @key", ("@key", keys[0]));
            return command.ExecuteNonQuery();
        });
        return new MarkResult(keys[0], null, null, true);
    }

    /// <summary>The stored commitment whose key starts with <paramref name="id"/>.</summary>
    public (CommitmentFact? Commitment, string? Error) Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        id = id.Trim().ToLowerInvariant();
        if (!CommitmentKey.IsPrefix(id))
        {
            return (null, BadId(id));
        }

        var matches = reader.Commitments(FactFilter.All with { Types = [FactTypes.Commitment] })
            .Where(c => c.Key.StartsWith(id, StringComparison.Ordinal))
            .DistinctBy(c => c.Key)
            .ToList();
        return matches.Count switch
        {
            0 => (null, $"no commitment '{id}' (the ids are the keys 'atlas due --all' prints)"),
            1 => (matches[0], null),
            _ => (null, $"'{id}' starts {matches.Count} commitments ({string.Join(", ", matches.Select(m => m.Key))}); give more digits"),
        };
    }

    private static string BadId(string id) =>
        $"'{id}' is not a commitment id: give the key 'atlas due' prints ({CommitmentKey.MinimumPrefix} to {CommitmentKey.Length} hex digits)";
}
