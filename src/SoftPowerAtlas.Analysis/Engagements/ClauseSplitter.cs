using SoftPowerAtlas.Analysis.Entities;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Text;

namespace SoftPowerAtlas.Analysis.Engagements;

/// <summary>
/// Cuts a sentence into clauses at the words that open one (<c>Data/clause-connectives.tsv</c>): in Thai
/// after a space ("… ยูเนสโก และจะยื่น…"), in English after a comma or semicolon (", and will…"), and at
/// every semicolon. Thai writers run a paragraph as one sentence, so a promise is read from its clause,
/// not from the 500 characters around it.
/// </summary>
internal sealed class ClauseSplitter
{
    private readonly string[] _thai;
    private readonly string[] _english;

    public ClauseSplitter()
    {
        var rows = EmbeddedWordList.Rows("Engagements/Data/clause-connectives.tsv");
        _thai = [.. rows.Where(r => r[0] == "th").Select(r => r[1]).OrderByDescending(w => w.Length)];
        _english = [.. rows.Where(r => r[0] == "en").Select(r => r[1]).OrderByDescending(w => w.Length)];
    }

    public List<TextSpan> Split(string text, TextSpan sentence)
    {
        var clauses = new List<TextSpan>();
        var start = sentence.Start;
        for (var i = sentence.Start + 1; i < sentence.End - 1; i++)
        {
            if (OpensClause(text, i, sentence.End))
            {
                Add(text, clauses, start, i);
                start = i;
            }
        }

        Add(text, clauses, start, sentence.End);
        return clauses;
    }

    /// <summary>Does a clause start at <paramref name="i"/> (the first letter of a connective, or just after a semicolon)?</summary>
    private bool OpensClause(string text, int i, int end)
    {
        var previous = text[i - 1];
        if (previous == ';')
        {
            return true;
        }

        if (previous != ' ')
        {
            return false;
        }

        var rest = text.AsSpan(i, end - i);
        if (Gazetteer.IsThaiLetter(text[i]))
        {
            foreach (var w in _thai)
            {
                if (rest.StartsWith(w, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        var before = text.AsSpan(0, i).TrimEnd();
        if (before.Length == 0 || before[^1] is not (',' or ';'))
        {
            return false;
        }

        foreach (var w in _english)
        {
            if (rest.StartsWith(w, StringComparison.OrdinalIgnoreCase) && (rest.Length == w.Length || !char.IsLetter(rest[w.Length])))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(string text, List<TextSpan> clauses, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is ';' or ','))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ';' or ','))
        {
            end--;
        }

        if (end > start)
        {
            clauses.Add(new TextSpan(start, end));
        }
    }
}
