namespace Minsheng.Domain.Values;

/// <summary>
/// Text PostgreSQL can store and compare: no NUL (a text column cannot hold it) and no unpaired UTF-16 surrogate
/// (it has no UTF-8 form). The API checks every string a caller sends with this; the read path checks values it
/// decodes from its own cursors.
/// </summary>
public static class StorableText
{
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }
        return true;
    }
}
