using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SoftPowerAtlas.Storage.Curation;

/// <summary>
/// One transaction of either engine, for curation's engine-neutral SQL (<c>@name</c> parameters):
/// run a statement, read a scalar or rows. The caller owns the transaction.
/// </summary>
[SuppressMessage(
    "Security",
    "CA2100:Review SQL queries for security vulnerabilities",
    Justification = "Curation's SQL is constant text in this assembly; every value is bound as a parameter.")]
internal sealed class CurationSql(DbTransaction transaction, StoreDialect dialect)
{
    private readonly DbConnection _connection = transaction.Connection ?? throw new ArgumentException("the transaction has no connection", nameof(transaction));

    public StoreDialect Dialect => dialect;

    public int Execute(string sql, params (string Name, object? Value)[] values)
    {
        using var command = Command(sql, values);
        return command.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] values)
    {
        using var command = Command(sql, values);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public long? Long(string sql, params (string Name, object? Value)[] values) =>
        Scalar(sql, values) is { } v ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;

    public List<T> Rows<T>(string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] values)
    {
        using var command = Command(sql, values);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public DbCommand Command(string sql, params (string Name, object? Value)[] values)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Bind(values);
        return command;
    }
}
