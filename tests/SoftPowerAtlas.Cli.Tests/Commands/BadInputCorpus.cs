using System.Text;

namespace SoftPowerAtlas.Cli.Tests.Commands;

/// <summary>
/// Sixty kinds of bad or hostile input, built by the test run (no binary fixtures): broken and odd
/// encodings, front matter built to exhaust a parser, HTML nested or charset-spoofed, floods of
/// invisible, combining or private-use characters, absurd dates, huge titles, hostile file names,
/// pipes, links out of the tree and loops, files posing as PDF, Word or images. Each kind says what
/// ingest must do with it: refuse it naming the file and the reason, or read it (store it, or find it
/// a duplicate of the good text beside it) without harm. Issue 23's measure.
/// </summary>
internal static class BadInputCorpus
{
    /// <summary>The good text every kind is built around: a Thai report line with a date.</summary>
    public const string Thai = "กระทรวงวัฒนธรรมจัดงานเทศกาลอาหารไทยร่วมกับสถานทูตญี่ปุ่น เมื่อวันที่ 5 มิถุนายน 2567\n";

    /// <summary>A kind: its file name, how to make it in a folder, and the reason ingest must give (null: it must be read).</summary>
    public sealed record Kind(string Name, Action<string> Make, string? Refusal);

    public static IReadOnlyList<Kind> Kinds { get; } = Build();

    private static IReadOnlyList<Kind> Build()
    {
        var random = new Random(7);
        var noise = new byte[4096];
        random.NextBytes(noise);
        byte[] U(string s) => Encoding.UTF8.GetBytes(s);
        byte[] Join(params byte[][] parts) => [.. parts.SelectMany(p => p)];
        string Html(string body, string head = "") => $"<html><head>{head}</head><body>{body}</body></html>";
        Kind Bytes(string name, byte[] bytes, string? refusal) => new(name, folder => File.WriteAllBytes(Path.Combine(folder, name), bytes), refusal);
        Kind Text(string name, string text, string? refusal = null) => Bytes(name, U(text), refusal);

        var thaiLine = Thai.TrimEnd('\n');
        return
        [
            Bytes("k01_random.txt", noise, "looks binary, not text"),
            Bytes("k02_nul_inside.txt", Join(U(Thai), [0, 0], U(Thai)), "looks binary, not text (a NUL byte"),
            Bytes("k03_latin1.txt", Encoding.Latin1.GetBytes("Le ministère a présenté à Paris une fête thaïlandaise.\n"), "is not valid UTF-8"),
            Bytes("k04_empty.txt", [], "is empty (0 bytes)"),
            Text("k05_spaces.txt", "   \n\t\n  \n", "contains only whitespace"),
            Bytes("k06_bom_only.txt", [0xEF, 0xBB, 0xBF], "is empty (only a byte order mark)"),
            Bytes("k07_bom_text.txt", Join([0xEF, 0xBB, 0xBF], U(Thai)), null),
            Bytes("k08_utf16le.txt", Join([0xFF, 0xFE], Encoding.Unicode.GetBytes(Thai)), null),
            Bytes("k09_utf16be.txt", Join([0xFE, 0xFF], Encoding.BigEndianUnicode.GetBytes(Thai)), null),
            Text("k10_ufffe.txt", Thai + "\uFFFE" + Thai),
            Text("k11_uffff.txt", Thai + "\uFFFF" + Thai),
            Bytes("k12_surrogate_bytes.txt", Join(U(Thai), [0xED, 0xA0, 0x80], U(Thai)), "is not valid UTF-8"),
            Bytes("k13_overlong.txt", Join(U(Thai), [0xC0, 0xAF], U(Thai)), "is not valid UTF-8"),
            Text("k14_yaml_deep.md", "---\ntitle: " + new string('[', 30_000) + new string(']', 30_000) + "\n---\n" + Thai, "front matter nested more than 32 levels deep"),
            Text("k15_yaml_map_deep.md", "---\ntitle: " + string.Concat(Enumerable.Repeat("{a: ", 20_000)) + "1" + new string('}', 20_000) + "\n---\n" + Thai, "front matter nested more than 32 levels deep"),
            Text("k16_yaml_alias_bomb.md", "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ntitle: x\n---\n" + Thai),
            Text("k17_yaml_invalid.md", "---\ntitle: [unclosed\n  : : :\n---\n" + Thai),
            Text("k18_yaml_unterminated.md", "---\ntitle: ข่าว\n" + Thai),
            Text("k19_yaml_wrong_types.md", "---\ntitle: [a, b]\ndate: not-a-date\n---\n" + Thai),
            Text("k20_html_nested.html", Html(string.Concat(Enumerable.Repeat("<div>", 100_000)) + Thai + string.Concat(Enumerable.Repeat("</div>", 100_000)))),
            Text("k21_html_script_only.html", Html("", "<script>" + string.Concat(Enumerable.Repeat("var x=1;", 1000)) + "</script>"), "has no visible text"),
            Text("k22_html_utf7.html", Html("<p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p><p>" + Thai + "</p>", "<meta charset=\"utf-7\">")),
            Text("k23_html_unknown_charset.html", Html("<p>" + Thai + "</p>", "<meta charset=\"x-no-such\">")),
            Text("k24_html_unclosed_comment.html", "<html><body><p>" + Thai + "</p><!-- never closed " + Thai + Thai),
            Text("k25_html_bad_entities.html", Html("<p>&#x110000; &#0; &#xD800; &bogus; " + Thai + "</p>")),
            Text("k26_html_huge_attribute.html", Html("<p title=\"" + new string('x', 2_000_000) + "\">" + Thai + "</p>")),
            Text("k27_html_nul.html", Html("<p>" + Thai + "\0" + Thai + "</p>"), "looks binary, not text"),
            Text("k28_html_cdata.html", Html("<![CDATA[ " + Thai + " ]]><p>" + Thai + "</p>")),
            Text("k29_control_chars.txt", Thai + string.Concat(Enumerable.Range(1, 31).Where(c => c is not (9 or 10 or 13)).Select(c => (char)c)) + Thai, "looks binary, not text (many control characters)"),
            Text("k30_zero_width_flood.txt", Thai + new string('\u200B', 100_000) + Thai),
            Text("k31_combining_flood.txt", "ก" + new string('\u0E48', 50_000) + "\n" + Thai),
            Text("k32_cr_only.txt", string.Concat(Enumerable.Repeat(Thai.Replace('\n', '\r'), 20))),
            Text("k33_long_line.txt", string.Concat(Enumerable.Repeat(thaiLine + " ", 2_000))),
            Text("k34_thai_without_spaces.txt", string.Concat(Enumerable.Repeat("กระทรวงวัฒนธรรมจัดงาน", 20_000))),
            Text("k35_emoji_flood.txt", Thai + string.Concat(Enumerable.Repeat("😀", 50_000)) + Thai),
            Text("k36_arabic_before_thai.txt", string.Concat(Enumerable.Repeat("وزارة الثقافة ", 200)) + Thai),
            Text("k37_absurd_day.txt", "เมื่อวันที่ 99999999999999999999 มีนาคม 2567 " + Thai),
            Text("k38_absurd_years.txt", "On 5 June 99999 the ministry met the embassy. On 5 June 0 too. " + Thai),
            Text("k39_many_dates.txt", string.Concat(Enumerable.Range(0, 5_000).Select(i => $"วันที่ {(i % 28) + 1} มีนาคม 2567 ")) + Thai),
            Text("k40_many_names.txt", string.Concat(Enumerable.Repeat("กระทรวงวัฒนธรรม สถานทูตญี่ปุ่น UNESCO ", 5_000)) + Thai),
            Text("k41_title_5m.md", "---\ntitle: " + new string('ก', 5_000_000) + "\n---\n" + Thai),
            new("k42_over_20mb.txt", folder => File.WriteAllBytes(Path.Combine(folder, "k42_over_20mb.txt"), new byte[21 * 1024 * 1024].Select((_, i) => (byte)('a' + (i % 26))).ToArray()), "is too large"),
            Text("k43_many_lines.txt", string.Concat(Enumerable.Repeat(Thai, 2_000))),
            Text("k44_name\nnewline.txt", Thai),
            Text("k45_name_\u202ERTL.txt", Thai),
            Text("k46_" + new string('x', 240) + ".txt", Thai),
            new("k47_folder.txt", folder => Directory.CreateDirectory(Path.Combine(folder, "k47_folder.txt")), null),
            new("k48_fifo.txt", folder => Fifo(Path.Combine(folder, "k48_fifo.txt")), "not a regular file (a pipe or a device)"),
            new("k49_loop", folder => Directory.CreateSymbolicLink(Path.Combine(folder, "k49_loop"), "."), null),
            new("k50_passwd.txt", folder => File.CreateSymbolicLink(Path.Combine(folder, "k50_passwd.txt"), "/etc/passwd"), "is a link to /etc/passwd, outside"),
            new("k51_dangling.txt", folder => File.CreateSymbolicLink(Path.Combine(folder, "k51_dangling.txt"), "/nonexistent/x.txt"), "outside"),
            Text("k52_fake.pdf", "not a pdf at all " + Thai, "is not a PDF"),
            Text("k53_fake.docx", "not a zip " + Thai, "is not a Word document"),
            Bytes("k54_fake.png", Join([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], U("garbage")), "is not an image atlas can read"),
            Text("k55_html_in_txt.txt", Html("<p>" + Thai + "</p>")),
            Text("k56_markdown_with_script.md", "# หัวข้อ\n<script>alert(1)</script>\n" + Thai + "\n<iframe src=\"http://evil.example\"></iframe>\n"),
            Bytes("k57_tis620.txt", CodePagesEncodingProvider.Instance.GetEncoding(874)!.GetBytes(Thai), null),
            Text("k58_mixed_line_ends.txt", Thai.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r" + Thai),
            Text("k59_private_use_flood.txt", new string('\uE000', 5_000) + Thai),
            Text("k60_bidi_controls.txt", string.Concat(Enumerable.Repeat("\u202E\u2066\u200F", 10_000)) + Thai),
        ];
    }

    private static void Fifo(string path)
    {
        using var process = System.Diagnostics.Process.Start("mkfifo", [path]);
        process.WaitForExit();
    }
}
