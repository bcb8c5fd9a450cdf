using SoftPowerAtlas.Storage.Exports;

namespace SoftPowerAtlas.Storage.Tests.Exports;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("กรมการพัฒนาชุมชน", "กรมการพัฒนาชุมชน")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData(" padded ", "\" padded \"")]
    [InlineData("\"", "\"\"\"\"")]
    [InlineData("", "")]
    public void Field_Rfc4180_QuotesOnlyWhenNeeded(string value, string expected) =>
        Assert.Equal(expected, CsvWriter.Field(value));

    [Fact]
    public void Write_Table_CrlfRecordsListsJoinedFormulasDefused()
    {
        var table = new ExportTable(
            ["id", "name", "aliases", "note"],
            [
                [1L, "สำนักงานส่งเสริมเศรษฐกิจสร้างสรรค์", new[] { "สศส.", "CEA" }, "=HYPERLINK(\"http://x\")"],
                [2L, null, Array.Empty<string>(), "-1+2"],
                [-3L, "@SUM(A1)", new[] { "a;b" }, "line1\r\nline2"],
            ]);

        var csv = CsvWriter.Write(table);

        Assert.Equal(
            "id,name,aliases,note\r\n"
            + "1,สำนักงานส่งเสริมเศรษฐกิจสร้างสรรค์,สศส.; CEA,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"
            + "2,,,'-1+2\r\n"
            + "-3,'@SUM(A1),a;b,\"line1\r\nline2\"\r\n",
            csv);
    }
}
