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

    public static DbParameter Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
