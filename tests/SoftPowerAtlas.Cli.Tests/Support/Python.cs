using System.ComponentModel;
using System.Diagnostics;

namespace SoftPowerAtlas.Cli.Tests.Support;

/// <summary>
/// Runs a Python program the way a user's machine would: Debian's <c>/usr/bin/python3</c> where it is (its
/// packages, such as python3-icalendar, live there), else the first <c>python3</c> on the PATH.
/// <c>scripts/test.sh</c> installs python3 and python3-icalendar before the tests.
/// </summary>
internal static class Python
{
    private static string Interpreter => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static async Task<AtlasRun> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"python3 is not installed ({e.Message}); scripts/test.sh installs it before the tests; install it (e.g. apt-get install python3 python3-icalendar) to run them by hand.");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return new AtlasRun(process.ExitCode, await output, await error);
        }
    }
}
