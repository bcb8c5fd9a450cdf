using System.Globalization;
using System.Reflection;

namespace SoftPowerAtlas.Storage;

/// <summary>One numbered schema change: an embedded <c>{Engine}/Migrations/NNNN_name.sql</c> file.</summary>
internal sealed record Migration(int Version, string Name, string Sql);

/// <summary>Reads an engine's migration scripts embedded in this assembly, in version order.</summary>
internal static class Migrations
{
    /// <summary>The scripts under <paramref name="resourcePrefix"/>, numbered 1, 2, 3... without gaps.</summary>
    /// <exception cref="InvalidOperationException">A script is misnamed, a number is missing, or there are none (a build defect).</exception>
    public static IReadOnlyList<Migration> Load(string resourcePrefix)
    {
        var assembly = typeof(Migrations).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(resourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = Path.GetFileNameWithoutExtension(resource);
            var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(fileName.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"migration resource '{resource}' is not named NNNN_name.sql");
            }

            migrations.Add(new Migration(version, fileName[(underscore + 1)..], ReadResource(assembly, resource)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"migrations under {resourcePrefix} must be numbered 1, 2, 3... without gaps; found {migrations[i].Version} at position {i + 1}");
            }
        }

        return migrations.Count > 0 ? migrations : throw new InvalidOperationException($"no embedded migrations found under {resourcePrefix}");
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource '{name}' listed but not readable");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
