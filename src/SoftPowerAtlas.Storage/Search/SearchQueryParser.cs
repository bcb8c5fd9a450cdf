using System.Globalization;

namespace SoftPowerAtlas.Storage.Search;

/// <summary>
/// Reads the query language: words, "phrases", <c>word*</c>, <c>-exclude</c>, <c>a OR b</c> and
/// <c>field:value</c> filters. Every problem becomes a <see cref="QueryError"/> naming the character
/// it starts at; nothing here throws for user input.
/// </summary>
internal static class SearchQueryParser
{
    private const string FieldNames = "country, sector, type, agency, year, from, to";

    public static ParseResult Parse(string text)
    {
        if (text.Length > SearchQuery.MaxLength)
        {
            return ParseResult.Fail(SearchQuery.MaxLength, text.Length - SearchQuery.MaxLength,
                string.Create(CultureInfo.InvariantCulture, $"the query is {text.Length} characters long; at most {SearchQuery.MaxLength} are allowed"));
        }

        var lexed = Lex(text);
        if (lexed.Error is not null)
        {
            return new ParseResult(null, lexed.Error);
        }

        return Build(text, lexed.Tokens);
    }

    private static ParseResult Build(string text, List<Lexeme> tokens)
    {
        var clauses = new List<List<SearchTerm>>();
        var excluded = new List<SearchTerm>();
        var filters = new List<FieldFilter>();
        string? from = null, to = null;
        int fromAt = -1;
        var joinNext = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == LexemeKind.Or)
            {
                var before = i > 0 && tokens[i - 1].Kind == LexemeKind.Term && !tokens[i - 1].Negated;
                var after = i + 1 < tokens.Count && tokens[i + 1].Kind == LexemeKind.Term && !tokens[i + 1].Negated;
                if (!before || !after)
                {
                    return ParseResult.Fail(token.Position, 2, $"OR at character {token.Position + 1} needs a word or phrase on each side (write film OR music; to search for the word, write \"OR\")");
                }

                joinNext = true;
                continue;
            }

            if (token.Kind == LexemeKind.Field)
            {
                var filter = ReadFilter(token, ref from, ref to, ref fromAt, filters, out var error);
                if (error is not null)
                {
                    return new ParseResult(null, error);
                }

                if (filter is not null)
                {
                    filters.Add(filter);
                }

                continue;
            }

            var term = new SearchTerm(token.Value, token.Quoted, token.Prefix, token.Position);
            if (token.Negated)
            {
                excluded.Add(term);
            }
            else if (joinNext)
            {
                clauses[^1].Add(term);
            }
            else
            {
                clauses.Add([term]);
            }

            joinNext = false;
        }

        if (from is not null && to is not null && string.CompareOrdinal(from, to) > 0 && !to.StartsWith(from, StringComparison.Ordinal))
        {
            return ParseResult.Fail(fromAt, 5 + from.Length, $"from:{from} at character {fromAt + 1} is after to:{to}; swap them");
        }

        if (clauses.Count == 0 && filters.Count == 0 && from is null && to is null)
        {
            return excluded.Count > 0
                ? ParseResult.Fail(excluded[0].Position, excluded[0].Text.Length + 1, "a query cannot only exclude: add a word, a phrase or a filter such as country:FR")
                : ParseResult.Fail(0, 0, "the query is empty: type words, \"a phrase\" or a filter such as country:FR");
        }

        var dates = from is null && to is null ? null : new DateRange(from, to);
        return new ParseResult(new SearchQuery(text, [.. clauses.Select(c => new SearchClause(c))], excluded, filters, dates), null);
    }

    private static FieldFilter? ReadFilter(Lexeme token, ref string? from, ref string? to, ref int fromAt, List<FieldFilter> filters, out QueryError? error)
    {
        error = null;
        var at = token.Position;
        var name = token.Field!;
        var where = $"{name}: at character {at + 1}";
        if (name is "from" or "to")
        {
            if (token.Negated)
            {
                error = new QueryError(at, name.Length + 1, $"{where} cannot be excluded; use from: and to: to bound the dates");
                return null;
            }

            if (!SearchDates.TryParse(token.Value, out var date, out var problem))
            {
                error = new QueryError(at, name.Length + 1 + token.Value.Length, $"{where}: {problem}");
                return null;
            }

            if ((name == "from" ? from : to) is not null)
            {
                error = new QueryError(at, name.Length + 1 + token.Value.Length, $"{where}: {name}: is given twice");
                return null;
            }

            if (name == "from")
            {
                (from, fromAt) = (date, at);
            }
            else
            {
                to = date;
            }

            return null;
        }

        var field = name switch
        {
            "country" => SearchField.Country,
            "sector" => SearchField.Sector,
            "type" => SearchField.Type,
            "agency" => SearchField.Agency,
            _ => SearchField.Year,
        };
        var values = new List<string>();
        foreach (var raw in token.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var yearProblem = string.Empty;
            var value = field switch
            {
                SearchField.Country => FieldValues.Default.Country(raw),
                SearchField.Sector => FieldValues.Default.Sector(raw),
                SearchField.Type => FieldValues.Default.Type(raw),
                SearchField.Year => SearchDates.TryYear(raw, out var year, out yearProblem) ? year.ToString("D4", CultureInfo.InvariantCulture) : null,
                _ => raw,
            };
            if (value is null)
            {
                var hint = field switch
                {
                    SearchField.Country => "use an ISO code (FR) or a name in English or Thai (France, ฝรั่งเศส)",
                    SearchField.Sector => "sectors are " + FieldValues.Default.SectorList,
                    SearchField.Type => "types are " + FieldValues.Default.TypeList,
                    _ => string.Empty,
                };
                var problem = field == SearchField.Year ? yearProblem : $"no {name} '{raw}' is known; {hint}";
                error = new QueryError(at, name.Length + 1 + token.Value.Length, $"{where}: {problem}");
                return null;
            }

            values.Add(value);
        }

        if (values.Count == 0)
        {
            error = new QueryError(at, name.Length + 1, $"{where} has no value; write e.g. {Example(name)}");
            return null;
        }

        if (filters.Count >= SearchQuery.MaxParts)
        {
            error = new QueryError(at, 1, string.Create(CultureInfo.InvariantCulture, $"too many filters: at most {SearchQuery.MaxParts}"));
            return null;
        }

        return new FieldFilter(field, values, token.Negated, at, (token.Negated ? "-" : string.Empty) + name + ":" + token.Value);
    }

    private static string Example(string field) => field switch
    {
        "country" => "country:FR",
        "sector" => "sector:film",
        "type" => "type:mou_signing",
        "agency" => "agency:อพท.",
        _ => "year:2024",
    };

    private static (List<Lexeme> Tokens, QueryError? Error) Lex(string text)
    {
        var tokens = new List<Lexeme>();
        var i = 0;
        while (i < text.Length)
        {
            if (IsSpace(text[i]))
            {
                i++;
                continue;
            }

            if (tokens.Count >= SearchQuery.MaxParts)
            {
                return (tokens, new QueryError(i, text.Length - i, string.Create(CultureInfo.InvariantCulture, $"the query has more than {SearchQuery.MaxParts} words, phrases and filters")));
            }

            var start = i;
            var negated = false;
            if (text[i] == '-')
            {
                if (i + 1 >= text.Length || IsSpace(text[i + 1]))
                {
                    return (tokens, new QueryError(i, 1, $"'-' at character {i + 1} is not followed by anything to exclude; write -word or -\"a phrase\" with no space after the -"));
                }

                negated = true;
                i++;
            }

            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                if (close < 0)
                {
                    return (tokens, new QueryError(i, text.Length - i, $"the quote at character {i + 1} is never closed; add a closing \" or remove it"));
                }

                var phrase = text[(i + 1)..close].Trim();
                if (phrase.Length == 0)
                {
                    return (tokens, new QueryError(i, close - i + 1, $"the quotes at character {i + 1} hold nothing; put a phrase between them"));
                }

                var prefix = close + 1 < text.Length && text[close + 1] == '*';
                i = close + (prefix ? 2 : 1);
                tokens.Add(new Lexeme(LexemeKind.Term, phrase, start, negated, Quoted: true, prefix, null));
                continue;
            }

            var end = i;
            while (end < text.Length && !IsSpace(text[end]) && text[end] != '"')
            {
                end++;
            }

            var word = text[i..end];
            var colon = word.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && word[..colon].All(char.IsAsciiLetter) && !word[(colon + 1)..].StartsWith("//", StringComparison.Ordinal))
            {
                var field = word[..colon].ToLowerInvariant();
                if (field is not ("country" or "sector" or "type" or "agency" or "year" or "from" or "to"))
                {
                    return (tokens, new QueryError(start, end - start, $"unknown field '{word[..colon]}' at character {i + 1}; fields are {FieldNames} (to search for the text, put it in quotes)"));
                }

                var value = word[(colon + 1)..];
                if (value.Length == 0 && end < text.Length && text[end] == '"')
                {
                    var close = text.IndexOf('"', end + 1);
                    if (close < 0)
                    {
                        return (tokens, new QueryError(end, text.Length - end, $"the quote at character {end + 1} is never closed; add a closing \" or remove it"));
                    }

                    value = text[(end + 1)..close].Trim();
                    end = close + 1;
                }

                tokens.Add(new Lexeme(LexemeKind.Field, value, start, negated, Quoted: false, Prefix: false, field));
                i = end;
                continue;
            }

            i = end;
            if (word == "OR" && !negated)
            {
                tokens.Add(new Lexeme(LexemeKind.Or, word, start, false, false, false, null));
                continue;
            }

            var isPrefix = word.Length > 1 && word[^1] == '*';
            var termText = word.TrimEnd('*');
            if (termText.Length == 0)
            {
                return (tokens, new QueryError(start, end - start, $"'{word}' at character {start + 1} has no letters before the *; write e.g. film*"));
            }

            tokens.Add(new Lexeme(LexemeKind.Term, termText, start, negated, Quoted: false, isPrefix, null));
        }

        return (tokens, null);
    }

    /// <summary>White space, and the zero-width characters Thai text carries between words.</summary>
    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private enum LexemeKind
    {
        Term,
        Or,
        Field,
    }

    private sealed record Lexeme(LexemeKind Kind, string Value, int Position, bool Negated, bool Quoted, bool Prefix, string? Field);
}
