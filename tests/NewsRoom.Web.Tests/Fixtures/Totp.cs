using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace NewsRoom.Web.Tests.Fixtures;

/// <summary>
/// The six-digit codes an authenticator app shows (RFC 6238: HMAC-SHA1 over 30-second steps, RFC 4226 truncation),
/// computed from the Base32 key the setup page shows, as a phone would.
/// </summary>
public static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The code for the step <paramref name="stepsFromNow"/> steps away from the current one.</summary>
    public static string Code(string base32Key, int stepsFromNow = 0)
    {
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + stepsFromNow;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        // HMAC-SHA1 is what RFC 6238 and every authenticator app use; the test computes what the phone computes.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var number = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return number.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Six digits that are none of the codes the site accepts now (it allows a little clock drift either way).</summary>
    public static string WrongCode(string base32Key)
    {
        var accepted = Enumerable.Range(-3, 7).Select(step => Code(base32Key, step)).ToHashSet();
        return Enumerable.Range(1, 9).Select(i => (i * 111_111).ToString("D6", CultureInfo.InvariantCulture)).First(c => !accepted.Contains(c));
    }

    private static byte[] FromBase32(string text)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a Base32 letter");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
