namespace Minsheng.Importing.Tests;

/// <summary>Finds the shared seed documents: the folder beside the repository root (the one holding the solution).</summary>
internal static class SeedDocuments
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Minsheng.Platform.sln")))
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "seeds"));
        }
        throw new InvalidOperationException("Minsheng.Platform.sln was not found above " + AppContext.BaseDirectory);
    });

    public static byte[] Bytes(string prefix)
    {
        var file = Directory.GetFiles(Folder.Value, prefix + "_*.txt").Single();
        return File.ReadAllBytes(file);
    }

    public static PlanDraft Import(string prefix, ImportOptions? options = null)
    {
        var result = new PlanImporter(options).Read(Bytes(prefix), prefix + ".txt");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Draft!;
    }
}
