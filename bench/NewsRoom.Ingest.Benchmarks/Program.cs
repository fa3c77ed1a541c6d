using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(NewsRoom.Ingest.Benchmarks.ParseBenchmarks).Assembly).Run(args);
