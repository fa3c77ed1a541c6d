using System.Text;

namespace NewsRoom.Ingest.Tests;

public class PageDumpDecoderTests
{
    static PageDumpDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Sample = "呼伦贝尔为基层减负为实干赋能\n\n□本报记者 李玉琢\n";

    [Fact]
    public void Decode_Utf8WithAndWithoutBom_GivesTheSameText()
    {
        var plain = Encoding.UTF8.GetBytes(Sample);
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(plain).ToArray();

        Assert.Equal(Sample, PageDumpDecoder.Decode(plain).Text);
        Assert.Equal(Sample, PageDumpDecoder.Decode(withBom).Text);
    }

    [Fact]
    public void Decode_Gb18030Bytes_AreReadAsGb18030()
    {
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(Sample);

        var decoded = PageDumpDecoder.Decode(bytes);

        Assert.Equal(Sample, decoded.Text);
        Assert.Equal("gb18030", decoded.Encoding);
    }

    [Fact]
    public void Decode_Utf16WithBom_IsRead()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Sample)).ToArray();

        Assert.Equal(Sample, PageDumpDecoder.Decode(bytes).Text);
    }

    [Fact]
    public void Decode_BinaryBytes_AreRefusedWithAReason()
    {
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0xFF };

        var decoded = PageDumpDecoder.Decode(bytes);

        Assert.False(decoded.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(decoded.Error));
    }
}
