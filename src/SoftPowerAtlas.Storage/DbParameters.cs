using System.Data.Common;

namespace SoftPowerAtlas.Storage;

/// <summary>Parameter binding that reads the same for both engines' ADO.NET providers.</summary>
internal static class DbParameters
{
    /// <summary>Replaces the command's parameters with <paramref name="values"/> (null as SQL NULL).</summary>
    public static void Bind(this DbCommand command, params (string Name, object? Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            command.Add(name, value);
        }
    }

    /// <summary>A command on the connection, in the transaction when one is given, with its parameters bound.</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Bind(parameters);
        return command;
    }

    /// <summary>Runs a statement; the number of rows it changed.</summary>
    public static int Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs <paramref name="action"/> on a pooled connection; a database error becomes the <see cref="StoreException"/> the dialect words.</summary>
    public static T Run<T>(Func<DbConnection> connect, StoreDialect dialect, Func<DbConnection, T> action)
    {
        try
        {
            using var connection = connect();
            return action(connection);
        }
        catch (DbException e)
        {
            throw dialect.ToStoreException(e);
        }
    }

    public static DbParameter Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}

/// <summary>Column reads that are the same for both engines' data readers.</summary>
internal static class DbValues
{
    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? GetNullableInt64(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    /// <summary>Runs <paramref name="sql"/> in <paramref name="transaction"/> with <paramref name="values"/> bound.</summary>
    public static DbCommand Command(this DbTransaction transaction, string sql, params (string Name, object? Value)[] values)
    {
        var connection = transaction.Connection ?? throw new ArgumentException("the transaction has ended", nameof(transaction));
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Bind(values);
        return command;
    }
}
