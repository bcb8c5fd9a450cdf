using System.Collections.Frozen;
using SoftPowerAtlas.Analysis.Loading;

namespace SoftPowerAtlas.Analysis.Entities;

/// <summary>
/// Words written in Latin letters that are not part of a person's name: common capitalised English
/// words (and those of public bodies' names), the words of English role titles, organisation and event
/// words, and the person nouns (pianist, chairperson). A capitalised word outside it may be a name
/// ("Pitichai", "Nguyễn"); one inside it never is. Words of reference names are left out on purpose:
/// Mai, Thani, Santi or Sirikit name places and institutions and people alike; a known name is closed
/// to the name reader where it is written instead. Case-insensitive; plurals fold to their singular.
/// </summary>
internal sealed class NameVocabulary
{
    private static readonly string[] Particles = ["bin", "binti", "bint", "ibn", "van", "von", "de", "da", "di", "del", "della", "der", "den", "du", "la", "le", "al", "el", "na", "ben"];

    [ThreadStatic]
    private static (string Text, IReadOnlySet<string> Words)? _lastLowerCase;

    private readonly FrozenSet<string> _words;
    private readonly FrozenSet<string> _personNouns;
    private readonly FrozenSet<string> _eventWords;
    private readonly FrozenSet<string> _particles = Particles.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public NameVocabulary(IEnumerable<string> roleForms)
    {
        var roles = roleForms.ToList();
        _personNouns = EmbeddedWordList.Lines("Entities/Data/person-nouns-en.txt")
            .Concat(roles.Where(r => !r.Contains(' ', StringComparison.Ordinal)))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _eventWords = EmbeddedWordList.Lines("Entities/Data/event-words-en.txt").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        words.UnionWith(EmbeddedWordList.Lines("Entities/Data/common-words-en.txt"));
        words.UnionWith(EmbeddedWordList.Lines("Entities/Data/org-words-en.txt").Select(w => w.TrimEnd('.')));
        words.UnionWith(_personNouns);
        words.UnionWith(_eventWords);
        foreach (var name in roles)
        {
            foreach (var w in Words(name))
            {
                words.Add(w);
            }
        }

        _words = words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A word that is never part of a person's name (its singular counts: "Films" is "Film").</summary>
    public bool IsVocabulary(string word) =>
        _words.Contains(word) || (word.Length > 3 && word.EndsWith('s') && _words.Contains(word[..^1]));

    /// <summary>Every person noun, as listed.</summary>
    public IEnumerable<string> PersonNouns => _personNouns;

    /// <summary>A noun for what a person is or does: minister, pianist, Director-General, chairperson.</summary>
    public bool IsPersonNoun(string word) => _personNouns.Contains(Dashes(word));

    /// <summary>A word that makes a run of capitalised words the name of an event: Festival, Week, Forum.</summary>
    public bool IsEventWord(string word) => _eventWords.Contains(word) || (word.Length > 3 && word.EndsWith('s') && _eventWords.Contains(word[..^1]));

    /// <summary>bin, van, de, Na: small words inside a name ("Chattan Kunjara Na Ayudhya").</summary>
    public bool IsParticle(string word) => _particles.Contains(word);

    /// <summary>Latin words of <paramref name="text"/> that it also writes in lower case, away from a capital's usual places.</summary>
    public static IReadOnlySet<string> LowerCaseWords(string text)
    {
        // Asked for every quoted phrase of a text and again by the Latin-name reader: read the text once. A string
        // never changes, so the same instance has the same words.
        if (_lastLowerCase is { } last && ReferenceEquals(last.Text, text))
        {
            return last.Words;
        }

        var words = ReadLowerCaseWords(text);
        _lastLowerCase = (text, words);
        return words;
    }

    private static HashSet<string> ReadLowerCaseWords(string text)
    {
        var lower = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsLatinLetter(text[i]) || (i > 0 && IsLatinLetter(text[i - 1])))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && IsLatinLetter(text[end]))
            {
                end++;
            }

            if (char.IsLower(text[i]) && end - i >= 3)
            {
                lower.Add(text[i..end]);
            }

            i = end;
        }

        // A set per document, asked a few dozen times: freezing it cost more than every lookup it saved.
        return lower;
    }

    /// <summary>A letter of the Latin script, Vietnamese and other accented forms included; not Thai.</summary>
    public static bool IsLatinLetter(char c) => char.IsLetter(c) && c < '\u2000' && !Gazetteer.IsThaiLetter(c);

    /// <summary>"Consul–General" written with an en or em dash is "Consul-General".</summary>
    public static string Dashes(string word) => word.Replace('–', '-').Replace('—', '-');

    private static IEnumerable<string> Words(string name)
    {
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var letter = i < name.Length && (IsLatinLetter(name[i]) || (start >= 0 && name[i] == '-'));
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                var w = name[start..i].TrimEnd('-');
                if (w.Length >= 2)
                {
                    yield return w;
                }

                start = -1;
            }
        }
    }
}
