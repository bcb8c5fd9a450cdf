using System.Data.Common;
using SoftPowerAtlas.Storage.Facts;

namespace SoftPowerAtlas.Storage.Timeline;

/// <summary>
/// What orders a timeline entry, read without passages or sources: undated last, date, document,
/// offset, kind (as <see cref="TimelineBuilder.Order"/>), then the order facts are read in (engagement
/// id; a commitment's place in its document), which a stable sort keeps for equal keys.
/// </summary>
internal readonly record struct TimelineKeys(FactDate? Date, long DocumentId, int Start, string Kind, long Sequence, long Id)
    : IComparable<TimelineKeys>
{
    public const string Engagement = "engagement";
    public const string Commitment = "commitment";

    public int CompareTo(TimelineKeys other)
    {
        var c = (Date is null).CompareTo(other.Date is null);
        c = c != 0 ? c : Comparer<FactDate?>.Default.Compare(Date, other.Date);
        c = c != 0 ? c : DocumentId.CompareTo(other.DocumentId);
        c = c != 0 ? c : Start.CompareTo(other.Start);
        c = c != 0 ? c : string.CompareOrdinal(Kind, other.Kind);
        return c != 0 ? c : Sequence.CompareTo(other.Sequence);
    }

    /// <summary>Keys of every fact a filter without country, sector or agency keeps (its types and period).</summary>
    public static List<TimelineKeys> Read(DbConnection connection, DbTransaction transaction, FactFilter filter)
    {
        var keys = new List<TimelineKeys>();
        var types = filter.Types.Where(t => t != FactTypes.Commitment).ToHashSet(StringComparer.Ordinal);
        if (filter.WantsEngagements)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT id, document_id, type, date, end_date, evidence_start FROM engagements ORDER BY id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (types.Count > 0 && !types.Contains(reader.GetString(2)))
                {
                    continue;
                }

                var date = FactDate.FromColumns(Text(reader, 3), Text(reader, 4));
                if (filter.HasDates && (date is not { } d || !d.Overlaps(filter.From, filter.To)))
                {
                    continue;
                }

                var id = reader.GetInt64(0);
                keys.Add(new TimelineKeys(date, reader.GetInt64(1), reader.GetInt32(5), Engagement, id, id));
            }
        }

        if (filter.WantsCommitments)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT id, document_id, ordinal, due, start FROM commitments ORDER BY document_id, ordinal";
            using var reader = command.ExecuteReader();
            long sequence = 0;
            while (reader.Read())
            {
                var written = Text(reader, 3);
                var due = written is null ? null : FactDate.Parse(written) is { Error: null } parsed ? parsed.Value : (FactDate?)null;
                if (filter.HasDates && (due is not { } d || !d.Overlaps(filter.From, filter.To)))
                {
                    continue;
                }

                keys.Add(new TimelineKeys(due, reader.GetInt64(1), reader.GetInt32(4), Commitment, sequence++, reader.GetInt64(0)));
            }
        }

        return keys;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
