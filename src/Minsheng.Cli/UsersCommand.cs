using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Domain;
using Minsheng.Domain.Access;
using Minsheng.Identity.Users;

namespace Minsheng.Cli;

/// <summary>
/// <c>minsheng users add &lt;name&gt; --role …</c>: the first people of an installation, before anyone can sign in to
/// create the others — a platform administrator, a tenant's administrator, a region analyst. The password comes
/// from an environment variable (never from the command line, where other users of the machine could read it).
/// </summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "Create the first users of an installation: 'users add <name> --role <role> …'.");
        var name = new Argument<string>("user-name") { Description = "The name to sign in with." };
        var role = new Option<string>("--role") { Description = $"platform_admin, region_analyst, or a tenant role ({string.Join(", ", Roles.TenantRoles)}).", Required = true };
        var tenant = new Option<string?>("--tenant") { Description = "The tenant's region code, for a tenant role." };
        var region = new Option<string?>("--region") { Description = "The city or province, for a region analyst." };
        var display = new Option<string?>("--display-name") { Description = "The name shown (default: the user name)." };
        var passwordVariable = new Option<string>("--password-env") { Description = "The environment variable holding the password.", DefaultValueFactory = _ => "MINSHENG_PASSWORD" };
        var add = new Command("add", "Create a user.") { name, role, tenant, region, display, passwordVariable, CliDatabase.ConnectionOption };
        add.SetAction(async (parse, ct) =>
        {
            var password = Environment.GetEnvironmentVariable(parse.GetValue(passwordVariable)!);
            if (string.IsNullOrEmpty(password))
            {
                Console.Error.WriteLine($"Set the password in the environment variable {parse.GetValue(passwordVariable)} (it is never taken from the command line).");
                return 1;
            }
            var userName = parse.GetValue(name)!;
            var displayName = parse.GetValue(display) ?? userName;
            var roleName = parse.GetValue(role)!;
            try
            {
                await using var database = await CliDatabase.OpenAsync(parse.GetValue(CliDatabase.ConnectionOption), ct);
                var created = roleName switch
                {
                    Roles.PlatformAdmin => await database.AsPlatformAsync(s => s.GetRequiredService<UserAdministration>().CreatePlatformAdminAsync(userName, displayName, password, ct)),
                    Roles.RegionAnalyst => await database.AsPlatformAsync(s => s.GetRequiredService<UserAdministration>().CreateRegionAnalystAsync(
                        parse.GetValue(region) ?? throw new CliException("A region analyst needs --region <city or province code>."), userName, displayName, password, ct)),
                    _ when Roles.TenantRoles.Contains(roleName) => await database.AsTenantAsync(
                        parse.GetValue(tenant) ?? throw new CliException($"A {roleName} needs --tenant <region code>."),
                        s => s.GetRequiredService<UserAdministration>().CreateAsync(
                            s.GetRequiredService<Tenancy.ITenantContextAccessor>().Current!.TenantId, new NewUser(userName, displayName, password, [roleName], []), ct), ct),
                    _ => throw new CliException($"'{roleName}' is not a role. Roles: {string.Join(", ", Roles.All)}."),
                };
                Console.WriteLine($"Created {created.UserName} ({string.Join(", ", created.Roles)}).");
                return 0;
            }
            catch (Exception e) when (e is DomainException or CliException)
            {
                Console.Error.WriteLine($"Refused: {e.Message}");
                return 1;
            }
        });
        command.Subcommands.Add(add);
        return command;
    }
}
