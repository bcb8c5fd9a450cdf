using BenchmarkDotNet.Running;

// Run one benchmark class with: dotnet run -c Release --project bench/SoftPowerAtlas.Benchmarks -- --filter '*Segmentation*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
