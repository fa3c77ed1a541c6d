namespace NewsRoom.Web.Tests;

public class NativeMemoryTrimmerTests
{
    [Fact]
    public void TryTrim_ReachesGlibcMallocTrim()
    {
        // The site runs on Debian (glibc), as CI does: a wrong library or entry name would leave the trimmer stopped
        // after its first tick with only a log line to show for it.
        Assert.True(NativeMemoryTrimmer.TryTrim());
    }
}
