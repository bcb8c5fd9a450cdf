using System.Security.Cryptography;
using System.Text;
using SoftPowerAtlas.Analysis;
using SoftPowerAtlas.Analysis.Facts;
using SoftPowerAtlas.Analysis.Loading;
using SoftPowerAtlas.Benchmarks.Corpus;
using SoftPowerAtlas.Storage.Ingest;

namespace SoftPowerAtlas.Benchmarks.Throughput;

/// <summary>
/// <c>digest --docs 2000</c>: one SHA-256 over the stored row text (clean, segmented, facts JSON) of N
/// synthesized documents under a fixed clock. Equal digests before and after a speed-up show that the
/// speed-up did not change what the pipeline extracts.
/// </summary>
internal static class DigestCommand
{
    public static int Run(string[] args, TextServices textServices)
    {
        var docs = CommandLine.Int(args, "--docs", 2_000);
        var pipeline = AtlasPipeline.CreateDefault(textServices, new FixedClock(new DateTimeOffset(2025, 1, 15, 9, 0, 0, TimeSpan.FromHours(7))));
        var loader = new DocumentLoader();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var facts = 0;
        foreach (var d in CorpusSynthesizer.FromRepository().Generate(docs))
        {
            var row = IngestRunner.ToNewDocument(pipeline.Run(loader.LoadText(d.Text, d.RelativePath, d.Format).Document!)); // synthesized text always loads
            var json = row.Facts is null ? null : FactsJson.Write(row.Facts); // as the store writes facts_json
            foreach (var part in (string?[])[row.CleanText, row.SegmentedText, json, row.Published])
            {
                hash.AppendData(Encoding.UTF8.GetBytes((part ?? "(null)") + "\u0001"));
            }

            facts += json?.Length ?? 0;
        }

        Console.WriteLine($"{docs:N0} documents, {facts:N0} chars of facts JSON, digest {Convert.ToHexString(hash.GetHashAndReset())}");
        return 0;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
