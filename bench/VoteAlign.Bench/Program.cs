using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(VoteAlign.Bench.Kernels).Assembly).Run(args);
