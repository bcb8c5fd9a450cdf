using SoftPowerAtlas.Analysis;
using System.CommandLine;
using SoftPowerAtlas.Analysis.Documents;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Analysis.Segmentation;

namespace SoftPowerAtlas.Cli.Commands;

/// <summary><c>atlas segment [FILE]</c>: normalise and segment text, words separated by |, line breaks kept.</summary>
internal static class SegmentCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string?>("file") { Description = "A text file; standard input when absent or -.", Arity = ArgumentArity.ZeroOrOne };
        var sep = new Option<string>("--sep") { Description = "What to put between words.", DefaultValueFactory = _ => "|" };
        var command = new Command("segment", "Normalise Thai text and split it into words with ICU's Thai dictionary, as ingest does.\n"
            + "Example: echo 'กรมการพัฒนาชุมชนจัดงาน' | atlas segment") { file, sep };
        command.SetAction(parse => Run(parse.GetValue(file), parse.GetValue(sep)!, console));
        return command;
    }

    private static int Run(string? file, string separator, CliConsole console)
    {
        var loader = new DocumentLoader();
        var result = file is null or "-"
            ? loader.Load(Console.OpenStandardInput(), "-", DocumentFormat.Text)
            : loader.Load(file);
        if (result.Document is not { } document)
        {
            console.Error.WriteLine($"atlas: {result.Error?.Message}");
            return AtlasCommand.SomeInputsFailed;
        }

        // Only normalisation: a segmenting tool must keep every line the user gave it.
        var text = AtlasPipeline.Normalize(document.Body);
        var tokens = console.Text.Words.Segment(text.Text);
        console.Out.WriteLine(SegmentedText.Join(text.Text, tokens, separator));
        return AtlasCommand.Ok;
    }
}
