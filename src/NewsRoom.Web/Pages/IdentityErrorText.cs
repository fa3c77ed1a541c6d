using Microsoft.AspNetCore.Identity;

namespace NewsRoom.Web.Pages;

/// <summary>Identity describes its errors in English; the ones a person meets on the account pages are said in Chinese.</summary>
public static class IdentityErrorText
{
    public static string Describe(IdentityError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordMismatch) => "当前密码不正确",
            nameof(IdentityErrorDescriber.PasswordTooShort) => "密码太短，至少需要 10 位。",
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "密码必须包含数字。",
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => "密码必须包含小写字母。",
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "密码必须包含大写字母。",
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "密码必须包含符号。",
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "密码中不同的字符太少。",
            nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail) => "该电子邮箱已有账户。",
            nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => "电子邮箱格式不正确。",
            nameof(IdentityErrorDescriber.ConcurrencyFailure) => "账户刚被他人修改，请重试。",
            _ => "账户操作未能完成，请重试。",
        };
    }
}
