using System.Net.Http.Headers;
using System.Text;

namespace SoftPowerAtlas.Web.Tests.Due;

/// <summary>Two releases written for the Due tests: a Thai one with Japan (a promise due December 2024) and an English one with France (due 20 June 2025).</summary>
internal static class DueTexts
{
    public const string ThaiJapan =
        "กระทรวงวัฒนธรรมหารือกับสถานเอกอัครราชทูตญี่ปุ่นประจำประเทศไทย เรื่องความร่วมมือด้านดนตรีและภาพยนตร์ เมื่อวันที่ 5 มิถุนายน 2567 ณ กรุงเทพมหานคร "
        + "โดยทั้งสองฝ่ายจะจัดเทศกาลดนตรีร่วมกันภายในเดือนธันวาคม 2567\n";

    public const string EnglishFrance =
        "Bangkok, 14 May 2025 - The Department of Cultural Promotion met the Embassy of France in Bangkok on 14 May 2025 to discuss cooperation on film. "
        + "The Department of Cultural Promotion will submit the joint film festival plan to the French side by 20 June 2025.\n";

    public static MultipartFormDataContent Upload()
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, text) in new[] { ("due-japan.txt", ThaiJapan), ("due-france.txt", EnglishFrance) })
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            part.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain");
            form.Add(part, "files", name);
        }

        return form;
    }
}
