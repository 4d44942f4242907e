using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Minsheng.Tenancy;

namespace Minsheng.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a running server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MinshengDbContext>
{
    public MinshengDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MinshengDbContext>();
        MinshengDataServices.ConfigureNpgsql(options, "Host=localhost;Database=minsheng");
        return new MinshengDbContext(options.Options);
    }
}
