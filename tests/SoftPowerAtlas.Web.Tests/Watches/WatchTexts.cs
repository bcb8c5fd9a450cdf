using System.Net.Http.Headers;
using System.Text;

namespace SoftPowerAtlas.Web.Tests.Watches;

/// <summary>Releases written for the watch tests: one on Muay Thai with Japan, one on film with France.</summary>
internal static class WatchTexts
{
    public const string MuayThaiTitle = "มวยไทยนานาชาติที่เชียงใหม่";

    public const string MuayThai =
        MuayThaiTitle + "\n\n"
        + "สำนักงานส่งเสริมวัฒนธรรมสร้างสรรค์จัดการแข่งขันมวยไทยนานาชาติ ณ จังหวัดเชียงใหม่ เมื่อวันที่ 12 มกราคม 2568 "
        + "โดยมีนักกีฬาจากญี่ปุ่นเข้าร่วม และจะจัดค่ายฝึกมวยไทยร่วมกับสมาคมมวยไทยญี่ปุ่นภายในเดือนมีนาคม 2568\n";

    public const string FilmTitle = "Thai and French studios plan a film week";

    public const string Film =
        FilmTitle + "\n\n"
        + "Bangkok, 20 January 2025 - The Department of Cultural Promotion met the Embassy of France in Bangkok on 20 January 2025 to plan a week of Thai films in Lyon.\n";

    public static MultipartFormDataContent Upload(params (string Name, string Text)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, text) in files)
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            part.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain");
            form.Add(part, "files", name);
        }

        return form;
    }
}
