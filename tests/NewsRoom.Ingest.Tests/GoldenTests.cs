namespace NewsRoom.Ingest.Tests;

/// <summary>The seeds against the hand-checked gold file, measured the way shared/eval/score.py measures them.</summary>
public class GoldenTests
{
    private static readonly GoldSet Set = new(Path.Combine(AppContext.BaseDirectory, "gold", "seeds-gold.json"), Pages.SeedDir);

    public static TheoryData<int> GoldItems() => Set.Indexes();

    public static TheoryData<string> SeedNames() => Set.Files();

    [Theory]
    [MemberData(nameof(GoldItems))]
    public void Parse_GoldItem_IsFoundWithItsBylinesRegionAndText(int index) => Set.AssertItem(index);

    [Fact]
    public void Parse_Seeds_GiveNoItemsBeyondTheGold() => Assert.Empty(Set.Extra());

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Parse_Seed_LosesNoLine(string file)
    {
        var issue = Set.Parsed[file];
        Assert.Empty(LostLines.Find(issue, Set.Text(file)));
        Assert.Equal(file, issue.File);
    }
}
