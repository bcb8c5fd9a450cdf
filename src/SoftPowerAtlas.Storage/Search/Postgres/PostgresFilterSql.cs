using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace SoftPowerAtlas.Storage.Search.Postgres;

/// <summary>
/// The SQL conditions on a document id that a query's filters and exclusions add on PostgreSQL
/// (<c>EXISTS</c> / <c>NOT EXISTS</c> over <c>document_facets</c> and <c>search_dates</c>, so the
/// planner makes semi- and anti-joins), with every value bound as a parameter. Agency aliases must
/// already be resolved to entity keys.
/// </summary>
internal sealed class PostgresFilterSql
{
    private readonly StringBuilder _sql = new();
    private readonly List<NpgsqlParameter> _parameters = [];

    public PostgresFilterSql(SearchQuery query, IReadOnlyDictionary<FieldFilter, IReadOnlyList<string>> agencyKeys, string? exclude, string idColumn)
    {
        foreach (var filter in query.Filters)
        {
            var values = filter.Field == SearchField.Agency ? agencyKeys[filter] : filter.Values;
            var facet = filter.Facet;
            if (values.Count == 0)
            {
                // An agency nobody is known by: nothing carries it.
                if (!filter.Negated)
                {
                    _sql.Append(" AND FALSE");
                }

                continue;
            }

            var list = Bind(values.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            _sql.Append(CultureInfo.InvariantCulture,
                $" AND {(filter.Negated ? "NOT " : string.Empty)}EXISTS (SELECT 1 FROM document_facets f WHERE f.document_id = {idColumn} AND f.facet = '{facet}' AND f.value = ANY({list}))");
        }

        if (query.Dates is { } dates)
        {
            var bounds = new List<string>();
            if (dates.From is not null)
            {
                bounds.Add("sd.date >= " + Bind(dates.From, NpgsqlDbType.Text));
            }

            if (dates.ToExclusive is not null)
            {
                bounds.Add("sd.date < " + Bind(dates.ToExclusive, NpgsqlDbType.Text));
            }

            _sql.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM search_dates sd WHERE sd.document_id = {idColumn} AND {string.Join(" AND ", bounds)})");
        }

        if (exclude is not null)
        {
            _sql.Append(CultureInfo.InvariantCulture,
                $" AND NOT EXISTS (SELECT 1 FROM document_search x WHERE x.document_id = {idColumn} AND x.vector @@ {Bind(exclude, NpgsqlDbType.Text)}::tsquery)");
        }
    }

    /// <summary>" AND ..." conditions, or empty.</summary>
    public string Conditions => _sql.ToString();

    public void AddTo(NpgsqlCommand command)
    {
        foreach (var parameter in _parameters)
        {
            command.Parameters.Add(parameter);
        }
    }

    private string Bind(object value, NpgsqlDbType type)
    {
        var name = "f" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        return "@" + name;
    }
}
