using System.Text;

namespace Minsheng.Importing.Reading;

/// <summary>
/// Turns the bytes of a text export into a string, detecting the encoding instead of assuming it:
/// BOMs first, then UTF-16 by the position of zero bytes, then strict UTF-8, then strict GB18030 (a superset
/// of GBK and GB2312, which is what Chinese Windows writes).
/// </summary>
internal static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (string Text, string EncodingName) Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE, 0x00, 0x00 }))
            return (Strict(new UTF32Encoding(false, true, true), bytes, 4, "utf-32le"), "utf-32le");
        if (bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
            return (Strict(new UTF8Encoding(false, true), bytes, 3, "utf-8"), "utf-8-bom");
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE }))
            return (Strict(new UnicodeEncoding(false, false, true), bytes, 2, "utf-16le"), "utf-16le");
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF }))
            return (Strict(new UnicodeEncoding(true, false, true), bytes, 2, "utf-16be"), "utf-16be");

        if (LooksLikeUtf16(bytes) is { } bigEndian)
        {
            var name = bigEndian ? "utf-16be" : "utf-16le";
            return (Strict(new UnicodeEncoding(bigEndian, false, true), bytes, 0, name), name);
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
            throw new ImportRejectedException("file.binary", "The file contains binary data (zero bytes) and is not a text export, Word or Excel document.");

        if (TryStrict(new UTF8Encoding(false, true), bytes, out var utf8)) return (utf8, "utf-8");
        if (TryStrict(Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), bytes, out var gb))
            return (gb, "gb18030");
        throw new ImportRejectedException("text.encoding",
            "The text is neither valid UTF-8, UTF-16 nor GBK/GB18030. Save it again as UTF-8 and import again.");
    }

    /// <summary>UTF-16 text of a Chinese plan still holds ASCII tabs, digits and line breaks, whose high byte is zero.</summary>
    private static bool? LooksLikeUtf16(byte[] bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0) return null;
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != 0) continue;
            if (i % 2 == 0) zeroEven++; else zeroOdd++;
        }
        var zeros = zeroEven + zeroOdd;
        if (zeros < bytes.Length / 40 + 1) return null;
        if (zeroOdd >= zeros * 0.9) return false;
        if (zeroEven >= zeros * 0.9) return true;
        return null;
    }

    private static string Strict(Encoding encoding, byte[] bytes, int offset, string name)
    {
        if (TryStrict(encoding, bytes.AsSpan(offset).ToArray(), out var text)) return text;
        throw new ImportRejectedException("text.encoding", $"The file declares {name} but contains bytes that are not valid {name}; it is damaged or truncated.");
    }

    private static bool TryStrict(Encoding encoding, byte[] bytes, out string text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }
}
