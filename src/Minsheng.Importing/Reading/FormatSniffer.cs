using System.IO.Compression;

namespace Minsheng.Importing.Reading;

internal enum SourceFormat
{
    Text,
    Docx,
    Xlsx,
}

/// <summary>Decides the format from the bytes, never from the file name alone: clerks rename files.</summary>
internal static class FormatSniffer
{
    public static SourceFormat Detect(byte[] content, ImportOptions options)
    {
        if (StartsWith(content, 0x50, 0x4B, 0x03, 0x04) || StartsWith(content, 0x50, 0x4B, 0x05, 0x06))
            return DetectZipFormat(content, options);
        if (StartsWith(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1))
            throw new ImportRejectedException("file.legacy-office",
                "This is an old-style Word/Excel file (.doc/.xls) or a password-protected one. Save it as .docx or .xlsx without a password and import again.");
        if (StartsWith(content, (byte)'%', (byte)'P', (byte)'D', (byte)'F'))
            throw new ImportRejectedException("file.pdf", "PDF files cannot be imported. Export the annex table as .docx, .xlsx or plain text.");
        if (StartsWith(content, (byte)'{', (byte)'\\', (byte)'r', (byte)'t', (byte)'f'))
            throw new ImportRejectedException("file.rtf", "RTF files cannot be imported. Save the document as .docx.");
        if (StartsWith(content, 0x89, (byte)'P', (byte)'N', (byte)'G') || StartsWith(content, 0xFF, 0xD8, 0xFF)
            || StartsWith(content, (byte)'G', (byte)'I', (byte)'F', (byte)'8'))
            throw new ImportRejectedException("file.image", "This is an image. Scanned documents cannot be imported; use the .docx or .xlsx the office produced.");
        if (StartsWith(content, 0x1F, 0x8B) || StartsWith(content, (byte)'R', (byte)'a', (byte)'r', (byte)'!') || StartsWith(content, (byte)'7', (byte)'z', 0xBC, 0xAF))
            throw new ImportRejectedException("file.archive", "This is a compressed archive. Extract the document and import it on its own.");
        return SourceFormat.Text;
    }

    private static SourceFormat DetectZipFormat(byte[] content, ImportOptions options)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            long expanded = 0;
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in zip.Entries)
            {
                expanded += entry.Length;
                names.Add(entry.FullName);
            }
            if (expanded > options.MaxUncompressedBytes)
                throw new ImportRejectedException("file.zip-too-large",
                    $"The document expands to {expanded / (1024 * 1024)} MB, above the {options.MaxUncompressedBytes / (1024 * 1024)} MB limit.");
            if (names.Contains("word/document.xml")) return SourceFormat.Docx;
            if (names.Contains("xl/workbook.xml")) return SourceFormat.Xlsx;
            if (names.Contains("content.xml"))
                throw new ImportRejectedException("file.opendocument", "OpenDocument files (.odt/.ods) cannot be imported. Save as .docx or .xlsx.");
            throw new ImportRejectedException("file.zip-not-office", "This is a zip archive but not a Word (.docx) or Excel (.xlsx) document.");
        }
        catch (InvalidDataException)
        {
            throw new ImportRejectedException("file.zip-damaged",
                "The file looks like a .docx/.xlsx but its zip structure is damaged or truncated (was the upload cut off?).");
        }
    }

    private static bool StartsWith(byte[] content, params byte[] magic) => content.AsSpan().StartsWith(magic);
}
