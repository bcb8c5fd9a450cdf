using AngleSharp.Html.Parser;

namespace SoftPowerAtlas.Web.Tests.Security;

/// <summary>The user store's refusals reach the admin page in the reader's language.</summary>
public sealed class UserMessagesTests : SignedInTest
{
    [Theory]
    [InlineData("th", "noi", "สั้น", "รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร")]
    [InlineData("th", "vera", Password, "มีผู้ใช้ชื่อ 'vera' อยู่แล้ว")]
    [InlineData("th", " ", Password, "ยังไม่ได้ใส่ชื่อผู้ใช้")]
    [InlineData("en", "noi", "short", "the password must have at least 8 characters")]
    public async Task AddUser_Refused_SaysWhyInTheReadersLanguage(string lang, string name, string password, string expected)
    {
        using var admin = await SignIn("root");
        var token = await FormToken(admin, "/admin/users?lang=" + lang);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name, ["role"] = "viewer", ["password"] = password, ["confirm"] = password, ["__RequestVerificationToken"] = token,
        });

        using var response = await admin.PostAsync("/admin/users?handler=Add&lang=" + lang, form);

        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(expected, document.QuerySelector("#users-message")?.TextContent.Trim());
        Assert.Equal(3, Users.List().Count);
    }
}
