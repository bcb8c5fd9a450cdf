using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// Thai names written without a title, where the text still shows they are names: a diplomat's title
/// glued to a full name (กงสุลใหญ่จักรกฤดิ กระจายวงศ์), a Latin spelling in brackets after it (อลัง ดูคาส
/// (Alain Ducasse)), or a list item followed by a role (…, สเตฟาน ฟ็อกซ์ เลขาธิการ…). A phrase that holds a
/// function word, a title or a known name is not one (checked here and by <see cref="EntityFinder"/>).
/// </summary>
internal sealed class UntitledThaiNames
{
    private const int MaxThaiNamePart = ThaiNameReader.MaxNamePart;

    /// <summary>
    /// A trade written as a title before a full name ("เชฟ วัฒนพงษ์ คงวัฒนา"); alone it is a common noun ("เชฟจากทั้งสองเมือง"),
    /// so it takes a name only where a diplomat's title would: a full name, nothing else read into it.
    /// </summary>
    private static readonly string[] CraftTitles = ["เชฟ"];
    private readonly ThaiNameReader _names;
    private readonly string[] _thaiHonorifics;
    private readonly PrefixWords _roleForms;
    private readonly PrefixWords _titleRoles;

    public UntitledThaiNames(EntityLexicon lexicon, ThaiNameReader names)
    {
        _names = names;
        _thaiHonorifics = [.. lexicon.Honorifics.Where(h => h.Length >= 3 && Gazetteer.IsThaiLetter(h[0])).Distinct(StringComparer.Ordinal)];
        _roleForms = new PrefixWords(lexicon.RolesThai.Where(r => r.Length >= 3));
        _titleRoles = new PrefixWords(lexicon.Roles.Where(r => r.Level is RoleLevel.Diplomatic).SelectMany(r => r.Thai).Where(f => f.Length >= 4 && !f.EndsWith('.'))
            .Concat(CraftTitles));
    }

    /// <summary>"กงสุลใหญ่จักรกฤดิ กระจายวงศ์": a diplomatic or political role written as a title, glued to a full name.</summary>
    public PersonMatch? TryTitleRole(TextBoundaries b, int start)
    {
        var text = b.Text;
        if (!Gazetteer.IsThaiLetter(text[start]))
        {
            return null;
        }

        foreach (var role in _titleRoles.At(text, start))
        {
            var at = start + role.Length;
            if (!text.AsSpan(start).StartsWith(role, StringComparison.Ordinal) || at >= text.Length)
            {
                continue;
            }

            // "เอกอัครราชทูต สมพร ใจงาม": the role and the name, one space between (not "เอกอัครราชทูต ณ กรุงโรม").
            var spaced = text[at] == ' ';
            at += spaced ? 1 : 0;
            if (at >= text.Length || !Gazetteer.IsThaiLetter(text[at]) || ThaiNameReader.IsThaiMark(text[at]) || (spaced && StartsWithPlaceWord(text, at)))
            {
                continue;
            }

            return _names.ThaiName(b, at) is { GivenOnly: false } name && FullNameEnds(text, name.Span.End) && !_names.HoldsStopWord(b, name.Span)
                && (!spaced || (!HoldsHonorific(text, name.Span) && !StartsWithRole(text, at) && text[at..name.Span.End].Split(' ').All(p => p.Length <= MaxThaiNamePart && !_names.StartsWithNotName(p))))
                ? new PersonMatch(new Text.TextSpan(start, name.Span.End), name.Span, false, Untitled: true)
                : null;
        }

        return null;
    }

    /// <summary>
    /// A Thai name with no title, where the text still shows it is one: spelled again in Latin letters in
    /// brackets ("อลัง ดูคาส (Alain Ducasse)"), or an item of a list (or the one a body acts "by") followed by a
    /// role ("…, สเตฟาน ฟ็อกซ์ เลขาธิการอิฟม่า", "- สมชาย ใจดี ผู้อำนวยการ…", "… โดย สมชาย ใจดี รัฐมนตรี…").
    /// </summary>
    public PersonMatch? TryBareThaiName(TextBoundaries b, int start)
    {
        var text = b.Text;
        if (!Gazetteer.IsThaiLetter(text[start]) || (start > 0 && Gazetteer.IsThaiLetter(text[start - 1]))
            || !(IsListItemStart(text, start) || BracketAhead(text, start)))
        {
            return null;
        }

        if (_names.ThaiName(b, start) is not { GivenOnly: false } name || !FullNameEnds(text, name.Span.End) || _names.HoldsStopWord(b, name.Span) || HoldsHonorific(text, name.Span)
            || name.Span.Length > 2 * MaxThaiNamePart || text[start..name.Span.End].Split(' ').Any(p => p.Length > MaxThaiNamePart || _names.StartsWithNotName(p)))
        {
            return null;
        }

        var after = text.AsSpan(name.Span.End);
        var bracket = after.StartsWith(" (", StringComparison.Ordinal) && LatinInBrackets(after[2..]);
        var listItem = IsListItemStart(text, start) && after.StartsWith(" ", StringComparison.Ordinal) && StartsWithRole(text, name.Span.End + 1);
        return bracket || listItem ? new PersonMatch(name.Span, name.Span, false, Untitled: true) : null;
    }

    /// <summary>"ต้อนรับนายคิม จองโฮ": a title inside means the name starts after it.</summary>
    private bool HoldsHonorific(string text, Text.TextSpan span)
    {
        var inside = text[span.Start..span.End];
        return _thaiHonorifics.Any(h => inside.Contains(h, StringComparison.Ordinal));
    }

    /// <summary>A full name ends before a space, a comma, a bracket or the line's end, not inside a word or before a dot.</summary>
    private static readonly string[] PlaceWords = ["ณ ", "ประจำ", "แห่ง", "ของ", "และ", "ไทย"];

    private static bool StartsWithPlaceWord(string text, int at) => PlaceWords.Any(w => text.AsSpan(at).StartsWith(w, StringComparison.Ordinal));

    private static bool FullNameEnds(string text, int end) => end >= text.Length || text[end] is ' ' or ',' or '(' or '\n' or ')';

    private static bool LatinInBrackets(ReadOnlySpan<char> s)
    {
        var close = s.IndexOf(')');
        if (close < 3)
        {
            return false;
        }

        var inner = s[..close].Trim();
        var words = inner.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 4 && words.All(w => w.Length >= 2 && char.IsUpper(w[0]) && w.All(c => char.IsLetter(c) || c is '-' or '\''));
    }

    /// <summary>A "(" within the next few words of the line: a Latin spelling may follow the name.</summary>
    private static bool BracketAhead(string text, int start)
    {
        var end = Math.Min(text.Length, start + (2 * MaxThaiNamePart) + 3);
        var line = text.AsSpan(start, end - start);
        var newline = line.IndexOf('\n');
        return (newline < 0 ? line : line[..newline]).Contains(" (", StringComparison.Ordinal);
    }

    /// <summary>Words that open a list of examples, and a closing bracket after which a sentence starts again ("(ครม.) สมชาย ใจดี นายกรัฐมนตรี").</summary>
    private static readonly string[] ListOpeners = ["เช่น", "ได้แก่", "อาทิ", ")"];

    /// <summary>
    /// After a comma, "และ", a bullet, a word opening a list (เช่น, ได้แก่, อาทิ), a closing bracket, at the start of a
    /// line, or after "โดย " ("กระทรวงวัฒนธรรม โดย สมชาย ใจดี รัฐมนตรี…").
    /// </summary>
    private static bool IsListItemStart(string text, int start)
    {
        var before = text.AsSpan(0, start).TrimEnd(' ');
        return before.IsEmpty || before.EndsWith(",", StringComparison.Ordinal) || before.EndsWith("\n", StringComparison.Ordinal)
            || before.EndsWith("และ", StringComparison.Ordinal) || before.EndsWith("\n-", StringComparison.Ordinal) || before.EndsWith("•", StringComparison.Ordinal)
            || (before.EndsWith("โดย", StringComparison.Ordinal) && start > before.Length)
            || WordLists.EndsWithAny(before, ListOpeners);
    }

    private bool StartsWithRole(string text, int pos) => _roleForms.AnyAt(text, pos);
}
