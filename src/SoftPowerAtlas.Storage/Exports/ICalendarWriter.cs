using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SoftPowerAtlas.Storage.Facts;
using SoftPowerAtlas.Storage.Tracking;

namespace SoftPowerAtlas.Storage.Exports;

/// <summary>
/// iCalendar (RFC 5545) of engagements (VEVENT) and commitment deadlines (VTODO with DUE). A day is
/// an all-day DATE; a month, year or range is an all-day span over its days; a time of day is a
/// DATE-TIME in Asia/Bangkok, declared in a VTIMEZONE (UTC+7, no daylight saving). UIDs hash the
/// document's content, so they stay the same across exports and re-ingests; DTSTAMP is the clock's.
/// </summary>
public sealed class ICalendarWriter(TimeProvider clock)
{
    public const string TimeZoneId = "Asia/Bangkok";

    private const string UidDomain = "@softpoweratlas";

    public string Write(IEnumerable<EngagementFact> engagements, IEnumerable<(CommitmentFact Commitment, DueItem? Due)> commitments)
    {
        ArgumentNullException.ThrowIfNull(engagements);
        ArgumentNullException.ThrowIfNull(commitments);
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var b = new StringBuilder();
        Line(b, "BEGIN:VCALENDAR");
        Line(b, "VERSION:2.0");
        Line(b, "PRODID:-//SoftPowerAtlas//atlas export calendar//EN");
        Line(b, "CALSCALE:GREGORIAN");
        Line(b, "METHOD:PUBLISH");
        Line(b, "X-WR-CALNAME:SoftPowerAtlas");
        Line(b, "X-WR-TIMEZONE:" + TimeZoneId);
        Line(b, "BEGIN:VTIMEZONE");
        Line(b, "TZID:" + TimeZoneId);
        Line(b, "BEGIN:STANDARD");
        Line(b, "DTSTART:19700101T000000");
        Line(b, "TZOFFSETFROM:+0700");
        Line(b, "TZOFFSETTO:+0700");
        Line(b, "TZNAME:ICT");
        Line(b, "END:STANDARD");
        Line(b, "END:VTIMEZONE");

        var uids = new HashSet<string>(StringComparer.Ordinal);
        // A day and month without a year has no place on a calendar: it is left out, as an undated fact is.
        foreach (var e in engagements)
        {
            if (e.Date is { HasYear: true } date)
            {
                // Two engagements read from one passage with the same type and date are one event twice: number the repeat.
                var uid = "engagement-" + Hash(e.Source.ContentHash, e.Type, date.Written, e.Source.Start.ToString(CultureInfo.InvariantCulture));
                for (var n = 2; !uids.Add(uid); n++)
                {
                    uid = string.Create(CultureInfo.InvariantCulture, $"{uid.Split('~')[0]}~{n}");
                }

                WriteEvent(b, e, date, uid + UidDomain, stamp);
            }
        }

        foreach (var (c, due) in commitments)
        {
            if (c.Due is { HasYear: true } date)
            {
                WriteTodo(b, c, date, due, stamp);
            }
        }

        Line(b, "END:VCALENDAR");
        return b.ToString();
    }

    /// <summary>TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, and line breaks as \n.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var b = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': b.Append(@"\\"); break;
                case ';': b.Append(@"\;"); break;
                case ',': b.Append(@"\,"); break;
                case '\r':
                    b.Append(@"\n");
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n': b.Append(@"\n"); break;
                default:
                    // Other control characters are not allowed in TEXT.
                    b.Append(char.IsControl(c) && c != '\t' ? ' ' : c);
                    break;
            }
        }

        return b.ToString();
    }

    /// <summary>
    /// Folds a content line (RFC 5545 3.1) so no physical line is longer than 75 octets of UTF-8,
    /// never splitting a character's bytes (Thai letters are 3 octets, an emoji 4): continuation
    /// lines start with one space. Lines end with CRLF.
    /// </summary>
    public static void Line(StringBuilder b, string line)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(line);
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                b.Append("\r\n ");
                octets = 1;
                limit = 75;
            }

            b.Append(rune.ToString());
            octets += size;
        }

        b.Append("\r\n");
    }

    private static void WriteEvent(StringBuilder b, EngagementFact e, FactDate date, string uid, string stamp)
    {
        Line(b, "BEGIN:VEVENT");
        Line(b, "UID:" + uid);
        Line(b, "DTSTAMP:" + stamp);
        WriteWhen(b, date);
        var thai = e.Parties.Where(p => p.Side == "thai").Select(p => p.Name).ToList();
        var foreign = e.Parties.Where(p => p.Side == "foreign").Select(p => p.Name).ToList();
        var summary = new StringBuilder(e.Type.Replace('_', ' '));
        if (thai.Count > 0)
        {
            summary.Append(": ").Append(string.Join(", ", thai.Take(2)));
        }

        if (foreign.Count > 0)
        {
            summary.Append(" with ").Append(string.Join(", ", foreign.Take(2)));
        }

        if (e.Countries.Count > 0)
        {
            summary.Append(" (").Append(string.Join(", ", e.Countries)).Append(')');
        }

        Line(b, "SUMMARY:" + Escape(summary.ToString()));
        if (e.Place is not null)
        {
            Line(b, "LOCATION:" + Escape(e.Place));
        }

        Line(b, "DESCRIPTION:" + Escape(CommitmentKey.Normalize(e.Evidence) + "\n\nDate as written: " + date.Written + "\n" + Describe(e.Source)));
        Line(b, "CATEGORIES:" + string.Join(',', e.Sectors.Prepend(e.Type).Select(Escape)));
        WriteUrl(b, e.Source);
        Line(b, "END:VEVENT");
    }

    private static void WriteTodo(StringBuilder b, CommitmentFact c, FactDate date, DueItem? due, string stamp)
    {
        Line(b, "BEGIN:VTODO");
        Line(b, "UID:commitment-" + c.Key + UidDomain);
        Line(b, "DTSTAMP:" + stamp);
        Line(b, "DUE;VALUE=DATE:" + Date(date.End));
        var what = CommitmentKey.Normalize(c.What);
        Line(b, "SUMMARY:" + Escape((c.Who is null ? string.Empty : c.Who + ": ") + (what.Length > 120 ? what[..120] + "…" : what)));
        Line(b, "DESCRIPTION:" + Escape(CommitmentKey.Normalize(c.Sentence) + "\n\nDue as written: " + c.DueWritten + "\nCommitment id: " + c.Key + "\n" + Describe(c.Source)));
        if (due?.Mark is { Status: Curation.CommitmentStatuses.Dropped })
        {
            Line(b, "STATUS:CANCELLED");
        }
        else if (due?.Mark is { } mark)
        {
            Line(b, "STATUS:COMPLETED");
            Line(b, "COMPLETED:" + mark.ChangedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            Line(b, "STATUS:NEEDS-ACTION");
        }

        WriteUrl(b, c.Source);
        Line(b, "END:VTODO");
    }

    private static void WriteWhen(StringBuilder b, FactDate date)
    {
        if (date.Time is { } time)
        {
            Line(b, $"DTSTART;TZID={TimeZoneId}:{Date(date.Start)}T{time.ToString("HHmmss", CultureInfo.InvariantCulture)}");
            return;
        }

        // All day: DTEND is exclusive, the day after the last.
        Line(b, "DTSTART;VALUE=DATE:" + Date(date.Start));
        Line(b, "DTEND;VALUE=DATE:" + Date(date.End.AddDays(1)));
    }

    private static void WriteUrl(StringBuilder b, SourceRef source)
    {
        if (source.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            Line(b, "URL:" + uri.AbsoluteUri);
        }
    }

    private static string Describe(SourceRef s) =>
        string.Create(CultureInfo.InvariantCulture, $"Source: {s.Location} (document {s.DocumentId}, characters {s.Start}-{s.End} of {s.Path}{(s.Page is { } page ? $", page {page}" : string.Empty)})");

    private static string Date(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Hash(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..16];
}
