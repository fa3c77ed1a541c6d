using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NewsRoom.Ingest.Benchmarks;

/// <summary>
/// Parse throughput in MB of page text per second on one core. "Seeds" parses the five seed pages one by one
/// (the everyday case); "FiveMegabytePage" one page of 5 MB built from numbered copies of the seeds;
/// "EnormousLine" one 2 MB line without a break.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ParseBenchmarks
{
    private (string Name, string Text)[] _seeds = [];
    private string _fiveMegabytes = string.Empty;
    private string _enormousLine = string.Empty;
    private string _hardWrapped = string.Empty;

    /// <summary>UTF-8 bytes each benchmark parses per operation, for the MB/s column.</summary>
    public static Dictionary<string, long> Bytes { get; } = [];

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "seeds");
        _seeds = Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToArray();
        var sb = new StringBuilder();
        var copy = 0;
        while (Encoding.UTF8.GetByteCount(sb.ToString()) < 5 * 1024 * 1024)
        {
            foreach (var (_, text) in _seeds)
            {
                sb.Append('第').Append(copy++).Append("期\n\n").Append(text.Replace("。", "。" + copy + "号", StringComparison.Ordinal)).Append("\n\n\n");
            }
        }
        _fiveMegabytes = sb.ToString();
        var wrapped = new StringBuilder();
        foreach (var line in _fiveMegabytes.Split('\n'))
        {
            for (var k = 0; k < line.Length; k += 25)
            {
                wrapped.Append(line.AsSpan(k, Math.Min(25, line.Length - k))).Append('\n');
            }
            if (line.Length == 0)
            {
                wrapped.Append('\n');
            }
        }
        _hardWrapped = wrapped.ToString();
        _enormousLine = string.Concat(Enumerable.Repeat("呼伦贝尔市聚焦基层干部反映突出的问题,通过多措并举,靶向施策,把干事创业的手脚从形式主义的桎梏中解脱出来 ", 14_000));
        Bytes[nameof(Seeds)] = _seeds.Sum(s => (long)Encoding.UTF8.GetByteCount(s.Text));
        Bytes[nameof(FiveMegabytePage)] = Encoding.UTF8.GetByteCount(_fiveMegabytes);
        Bytes[nameof(EnormousLine)] = Encoding.UTF8.GetByteCount(_enormousLine);
        Bytes[nameof(HardWrappedPage)] = Encoding.UTF8.GetByteCount(_hardWrapped);
    }

    [Benchmark(Baseline = true)]
    public int Seeds()
    {
        var n = 0;
        foreach (var (name, text) in _seeds)
        {
            n += PageParser.Parse(name, text).Articles.Count;
        }
        return n;
    }

    [Benchmark]
    public int FiveMegabytePage() => PageParser.Parse("5mb.txt", _fiveMegabytes).Articles.Count;

    [Benchmark]
    public int HardWrappedPage() => PageParser.Parse("wrapped.txt", _hardWrapped).Articles.Count;

    [Benchmark]
    public int EnormousLine() => PageParser.Parse("line.txt", _enormousLine).Unplaced.Count;
}

/// <summary>Adds an MB/s column: bytes parsed per operation over the mean time.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(new ThroughputColumn());

    private sealed class ThroughputColumn : IColumn
    {
        public string Id => nameof(ThroughputColumn);

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Megabytes (10^6 bytes) of UTF-8 page text parsed per second";

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            var name = benchmarkCase.Descriptor.WorkloadMethod.Name;
            if (report?.ResultStatistics is not { } stats || !ParseBenchmarksSizes.TryGet(name, out var bytes))
            {
                return "-";
            }
            return (bytes / (stats.Mean / 1e9) / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>Sizes computed the same way as the benchmark's setup, since the column runs in the host process.</summary>
internal static class ParseBenchmarksSizes
{
    private static readonly Lazy<Dictionary<string, long>> Sizes = new(() =>
    {
        var b = new ParseBenchmarks();
        b.Setup();
        return ParseBenchmarks.Bytes;
    });

    public static bool TryGet(string name, out long bytes) => Sizes.Value.TryGetValue(name, out bytes);
}
