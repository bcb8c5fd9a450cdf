using Microsoft.Data.Sqlite;

namespace SoftPowerAtlas.Cli.Tests.Support;

/// <summary>A fresh folder per test, with a database path in it; deleted (read permission restored) on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("atlas-cli-tests-").FullName;
    }

    public string Path { get; }

    public string Db => Combine("atlas.db");

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public string Folder(string name) => Directory.CreateDirectory(Combine(name)).FullName;

    public string Write(string name, string text)
    {
        var path = Combine(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string Write(string name, byte[] bytes)
    {
        var path = Combine(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        // In-process commands leave pooled connections that hold the file open.
        SqliteConnection.ClearAllPools();
        if (!OperatingSystem.IsWindows())
        {
            // A test may have taken read permission away from a folder; give it back so it can be deleted.
            foreach (var dir in Directory.EnumerateDirectories(Path))
            {
                File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed child process may still be releasing its files; the OS temp folder cleans up the rest.
        }
    }
}
