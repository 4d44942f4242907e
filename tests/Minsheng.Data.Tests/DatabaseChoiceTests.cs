using Minsheng.Hosting;

namespace Minsheng.Data.Tests;

/// <summary>
/// Issue #14: with no connection string a Production server started a private cluster (trust auth, fsync
/// off) with demo data. The embedded database is now a Development default and elsewhere only on request.
/// </summary>
public sealed class DatabaseChoiceTests
{
    [Fact]
    public void Production_without_a_connection_string_refuses_and_says_what_to_set()
    {
        var error = Assert.Throws<DatabaseNotConfiguredException>(() => DatabaseBootstrap.Choose(new DatabaseSettings { EnvironmentName = "Production" }));

        Assert.Contains("ConnectionStrings__Minsheng", error.Message);
        Assert.Contains("Embedded__Enabled=true", error.Message);
        Assert.Contains("Production", error.Message);
    }

    [Fact]
    public void Any_environment_but_development_refuses_too()
    {
        Assert.Throws<DatabaseNotConfiguredException>(() => DatabaseBootstrap.Choose(new DatabaseSettings { EnvironmentName = "Staging" }));
        Assert.Throws<DatabaseNotConfiguredException>(() => DatabaseBootstrap.Choose(new DatabaseSettings()));
    }

    [Fact]
    public void Production_asking_for_the_embedded_database_gets_it_durable_and_without_demo_data()
    {
        var choice = DatabaseBootstrap.Choose(new DatabaseSettings { EnvironmentName = "Production", EmbeddedEnabled = true });

        Assert.Equal(new DatabaseChoice(UseEmbedded: true, LoadDemoData: false, DurableEmbedded: true), choice);
    }

    [Fact]
    public void Production_may_ask_for_demo_data_explicitly()
    {
        var choice = DatabaseBootstrap.Choose(new DatabaseSettings { EnvironmentName = "Production", EmbeddedEnabled = true, LoadDemoData = true });

        Assert.True(choice.LoadDemoData);
    }

    [Fact]
    public void Development_falls_back_to_the_embedded_database_with_demo_data()
    {
        var choice = DatabaseBootstrap.Choose(new DatabaseSettings { EnvironmentName = "Development" });

        Assert.Equal(new DatabaseChoice(UseEmbedded: true, LoadDemoData: true, DurableEmbedded: false), choice);
        Assert.False(DatabaseBootstrap.Choose(new DatabaseSettings { EnvironmentName = "Development", LoadDemoData = false }).LoadDemoData);
    }

    [Fact]
    public void Development_can_turn_the_embedded_database_off()
    {
        var error = Assert.Throws<DatabaseNotConfiguredException>(() =>
            DatabaseBootstrap.Choose(new DatabaseSettings { EnvironmentName = "Development", EmbeddedEnabled = false }));

        Assert.Contains("Embedded:Enabled is false", error.Message);
    }

    [Fact]
    public void A_configured_connection_is_used_in_every_environment()
    {
        foreach (var environment in new[] { "Development", "Production" })
        {
            var choice = DatabaseBootstrap.Choose(new DatabaseSettings { EnvironmentName = environment, AppConnectionString = "Host=db;Username=minsheng_app" });
            Assert.False(choice.UseEmbedded);
            Assert.False(choice.LoadDemoData);
        }
    }
}
