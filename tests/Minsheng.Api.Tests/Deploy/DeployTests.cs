using System.Diagnostics;
using Minsheng.Api.Tests.Cli;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Deploy;

/// <summary>A test of the Kubernetes manifests, rendered offline with kubectl kustomize; skipped where kubectl is not installed.</summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (DeployTests.Kubectl() is null) Skip = "kubectl is not installed here: the manifests cannot be rendered.";
    }
}

/// <summary>
/// Issue 20 §5: what deploy/ ships fits together — the image's entry points are what the builds produce, the migration
/// runs as its own command (never in the server), and the Kubernetes manifests render with probes on the health
/// endpoints, secrets by reference and the migration Job.
/// </summary>
public sealed class DeployTests
{
    private static string Deploy(params string[] parts) => Path.Combine([RepositoryPaths.Root(), "deploy", .. parts]);

    public static string? Kubectl() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "kubectl")).FirstOrDefault(File.Exists);

    [Fact]
    public void The_image_starts_what_the_builds_produce_and_migrates_only_as_its_own_command()
    {
        var dockerfile = File.ReadAllText(Deploy("Dockerfile"));
        var compose = File.ReadAllText(Deploy("compose.yaml"));
        var job = File.ReadAllText(Deploy("k8s", "base", "migration-job.yaml"));
        var cliProject = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "src", "Minsheng.Cli", "Minsheng.Cli.csproj"));

        // The server's publish folder is the image's /app; the CLI's goes to its cli/ folder, named as its project says.
        Assert.Contains("dotnet publish src/Minsheng.Server/Minsheng.Server.csproj -c Release -o /out/server", dockerfile);
        Assert.Contains("dotnet publish src/Minsheng.Cli/Minsheng.Cli.csproj -c Release -o /out/server/cli", dockerfile);
        Assert.Contains("COPY --from=build /out/server ./", dockerfile);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"Minsheng.Server.dll\"]", dockerfile);
        Assert.Contains("<AssemblyName>minsheng</AssemblyName>", cliProject);
        Assert.Contains("USER app", dockerfile);
        Assert.Contains("[\"dotnet\", \"cli/minsheng.dll\", \"migrate\"]", job);
        Assert.Contains("[\"dotnet\", \"cli/minsheng.dll\", \"migrate\"]", compose);
        // The servers of the compose file get the application role only.
        foreach (var server in new[] { "\n  server:", "\n  citus-server:" })
        {
            var section = compose[compose.IndexOf(server, StringComparison.Ordinal)..];
            // The service ends where the next one (a line indented by exactly two spaces) begins.
            var next = System.Text.RegularExpressions.Regex.Match(section[3..], @"\n  [a-z]");
            section = next.Success ? section[..(next.Index + 3)] : section;
            Assert.Contains("ConnectionStrings__Minsheng:", section);
            Assert.DoesNotContain("MinshengOwner", section);
        }
    }

    [KubectlFact]
    public async Task The_kubernetes_manifests_render_with_probes_secrets_by_reference_and_the_migration_job()
    {
        var psi = new ProcessStartInfo(Kubectl()!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "kustomize", Deploy("k8s", "overlays", "production") }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var rendered = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);

        var documents = rendered.Split("\n---\n");
        // Top-level kinds only: the autoscaler names its Deployment indented, under scaleTargetRef.
        string Of(string kind) => Assert.Single(documents, d => d.Contains($"\nkind: {kind}\n"));
        var deployment = Of("Deployment");
        var job = Of("Job");
        Assert.Contains("kind: Service", rendered);
        Assert.Contains("kind: HorizontalPodAutoscaler", rendered);
        Assert.Contains("kind: ConfigMap", rendered);
        Assert.Contains("path: /health/live", deployment);
        Assert.Contains("path: /health/ready", deployment);
        Assert.Contains("image: registry.example.org/minsheng/server:2026.12", deployment);
        Assert.Contains("namespace: minsheng", deployment);
        Assert.Contains("name: ConnectionStrings__Minsheng", deployment);
        Assert.Contains("secretKeyRef", deployment);
        Assert.DoesNotContain("MinshengOwner", deployment);
        Assert.DoesNotContain("kind: Secret\n", rendered);
        Assert.Contains("migrate", job);
        Assert.Contains("name: ConnectionStrings__MinshengOwner", job);
        Assert.Contains("app.kubernetes.io/component: migration", job);
        Assert.Contains("app.kubernetes.io/component: server", Of("Service"));
    }

    [Fact]
    public async Task Migrate_applies_the_migrations_as_the_owner_and_gives_the_application_role_its_password()
    {
        var server = await PostgresCluster.GetAsync();
        var owner = server.ConnectionString($"migrate_{Guid.NewGuid():N}"[..30]);

        var (missingCode, missing) = await CliProcess.RunAsync("migrate");
        var (code, output) = await CliProcess.RunWithEnvironmentAsync(new() { ["MINSHENG_APP_PASSWORD"] = "app-secret-2026" }, "migrate", "--owner-connection", owner);

        Assert.Equal(1, missingCode);
        Assert.Contains("Give the owner role's connection string", missing);
        Assert.True(code == 0, output);
        Assert.Contains("The database is migrated.", output);
        Assert.True((long)(await OwnerQuery.ScalarAsync(owner, "SELECT count(*) FROM __ef_migrations_history"))! > 10);
        Assert.Equal(true, await OwnerQuery.ScalarAsync(owner, "SELECT rolpassword IS NOT NULL FROM pg_authid WHERE rolname = 'minsheng_app'"));
    }
}
