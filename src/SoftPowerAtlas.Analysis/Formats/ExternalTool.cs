using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace SoftPowerAtlas.Analysis.Formats;

/// <summary>How a run of an external program (pdftotext, pdftoppm, tesseract) ended.</summary>
internal sealed record ToolRun(int ExitCode, string Errors, bool TimedOut, bool Missing, string Output = "")
{
    public bool Succeeded => !TimedOut && !Missing && ExitCode == 0;

    /// <summary>The first line of what the program said on standard error, for a message.</summary>
    public string FirstError => Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit code {ExitCode}";
}

/// <summary>
/// Runs one of the Debian programs atlas reads files with, as a process: no shell, arguments passed as
/// a list, standard input closed, standard error kept (capped), killed with its children past a timeout.
/// Output goes to files the caller names, so a program that writes gigabytes is stopped by the caller's size check, not held in memory.
/// </summary>
internal static class ExternalTool
{
    private const int MaxErrorChars = 4_000;

    /// <summary>Standard output kept (pdfinfo's few lines); programs that write pages write them to files.</summary>
    private const int MaxOutputChars = 64_000;

    public static ToolRun Run(string program, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Tesseract would otherwise start a thread per core in every worker; ingest already runs one worker per core.
        start.Environment["OMP_THREAD_LIMIT"] = "1";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception($"{program} did not start");
        }
        catch (Win32Exception)
        {
            return new ToolRun(-1, string.Empty, TimedOut: false, Missing: true);
        }

        using (process)
        {
            process.StandardInput.Close();
            var errors = new StringBuilder();
            process.ErrorDataReceived += (_, e) =>
            {
                lock (errors)
                {
                    if (e.Data is { } line && errors.Length < MaxErrorChars)
                    {
                        errors.AppendLine(line);
                    }
                }
            };
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) =>
            {
                lock (output)
                {
                    if (e.Data is { } line && output.Length < MaxOutputChars)
                    {
                        output.AppendLine(line);
                    }
                }
            };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            if (!process.WaitForExit(timeout))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It ended between the wait and the kill.
                }

                process.WaitForExit();
                return new ToolRun(-1, errors.ToString(), TimedOut: true, Missing: false);
            }

            process.WaitForExit(); // drains the redirected streams
            lock (errors)
            {
                lock (output)
                {
                    return new ToolRun(process.ExitCode, errors.ToString(), TimedOut: false, Missing: false, output.ToString());
                }
            }
        }
    }
}
