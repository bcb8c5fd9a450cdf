using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Storage.Search.Sqlite;

/// <summary>
/// The SQL condition on a document id (<c>{id}</c>) that a query's filters add, with
/// every value bound as a parameter. Agency aliases must already be resolved to entity keys.
/// </summary>
internal sealed class SqliteFilterSql
{
    private readonly StringBuilder _sql = new();
    private readonly List<(string Name, object Value)> _parameters = [];

    public SqliteFilterSql(SearchQuery query, IReadOnlyDictionary<FieldFilter, IReadOnlyList<string>> agencyKeys, string idColumn)
    {
        foreach (var filter in query.Filters)
        {
            var values = filter.Field == SearchField.Agency ? agencyKeys[filter] : filter.Values;
            var facet = filter.Facet;
            var names = values.Select(v => Bind(v)).ToList();
            if (names.Count == 0)
            {
                // An agency nobody is known by: nothing carries it.
                if (!filter.Negated)
                {
                    _sql.Append(" AND 0");
                }

                continue;
            }

            _sql.Append(CultureInfo.InvariantCulture, $" AND {idColumn} {(filter.Negated ? "NOT IN" : "IN")} (SELECT document_id FROM document_facets WHERE facet = '{facet}' AND value IN ({string.Join(", ", names)}))");
        }

        if (query.Dates is { } dates)
        {
            var bounds = new List<string>();
            if (dates.From is not null)
            {
                bounds.Add("date >= " + Bind(dates.From));
            }

            if (dates.ToExclusive is not null)
            {
                bounds.Add("date < " + Bind(dates.ToExclusive));
            }

            _sql.Append(CultureInfo.InvariantCulture, $" AND {idColumn} IN (SELECT document_id FROM search_dates WHERE {string.Join(" AND ", bounds)})");
        }
    }

    /// <summary>" AND ..." conditions, or empty.</summary>
    public string Conditions => _sql.ToString();

    public void AddTo(SqliteCommand command)
    {
        foreach (var (name, value) in _parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    private string Bind(string value)
    {
        var name = "$f" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add((name, value));
        return name;
    }
}
