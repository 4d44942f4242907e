using Minsheng.Domain.Regions;

namespace Minsheng.Domain.Tests;

/// <summary>Which region lies within which, read from the GB/T 2260 codes, with the country (000000) above every province.</summary>
public sealed class RegionTests
{
    [Theory]
    [InlineData("411302", "411300", true)] // a county in its city
    [InlineData("411302", "410000", true)] // in its province
    [InlineData("411300", "410000", true)] // a city in its province
    [InlineData("411302", "000000", true)] // everything in the country
    [InlineData("410000", "000000", true)]
    [InlineData("110101", "000000", true)]
    [InlineData("411302", "411400", false)] // beside
    [InlineData("410000", "411300", false)] // above
    [InlineData("000000", "410000", false)] // the country is in no province
    [InlineData("000000", "000000", false)] // nothing lies within itself
    [InlineData("41130", "000000", false)] // not a code
    public void IsWithin_reads_the_hierarchy_from_the_codes(string code, string ancestor, bool within) =>
        Assert.Equal(within, Region.IsWithin(code, ancestor));
}
