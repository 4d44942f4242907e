namespace Minsheng.Api.Tests;

internal static class RepositoryPaths
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Minsheng.Platform.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Minsheng.Platform.sln was not found above the test folder.");
    }

    /// <summary>The shared seed documents beside the repository.</summary>
    public static string Seed(string name) => Path.Combine(Root(), "..", "shared", "seeds", name);
}
