using System.Text;
using System.Text.Encodings.Web;
using QRCoder;

namespace NewsRoom.Web.Accounts;

/// <summary>What an authenticator app needs to add an account: the otpauth:// address, as a QR code and as typed text.</summary>
public static class AuthenticatorSetup
{
    /// <summary>The name the authenticator app shows above the account's codes.</summary>
    public const string Issuer = "NewsRoom";

    /// <summary>The Key URI Format authenticator apps read: issuer, account, the Base32 key, six digits every 30 seconds.</summary>
    public static string OtpAuthUri(string email, string key) =>
        $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(email)}" +
        $"?secret={key}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6";

    /// <summary>The key in groups of four, easier to type into a phone without losing one's place.</summary>
    public static string Grouped(string key)
    {
        var grouped = new StringBuilder(key.Length + key.Length / 4);
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                grouped.Append(' ');
            }
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return grouped.ToString().ToUpperInvariant();
    }

    /// <summary>
    /// The address as a PNG in a data: URI, so the key never travels in an image address of its own (to a log or a
    /// cache) and the page's content policy, which allows data: images, needs no exception.
    /// </summary>
    public static string QrCodePngDataUri(string otpAuthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpAuthUri, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return "data:image/png;base64," + Convert.ToBase64String(png.GetGraphic(5));
    }

    /// <summary>A code as typed: spaces and dashes some apps show between the digits are dropped.</summary>
    public static string DigitsOf(string? code) =>
        new((code ?? string.Empty).Where(c => c is not (' ' or '-' or '\u3000')).ToArray());

    /// <summary>
    /// A recovery code as typed, in the form Identity stores (XXXXX-XXXXX, upper case): lower case, spaces and a
    /// missing dash are forgiven.
    /// </summary>
    public static string RecoveryCodeOf(string? code)
    {
        var letters = DigitsOf(code).ToUpperInvariant();
        return letters.Length == 10 ? letters[..5] + "-" + letters[5..] : letters;
    }
}
