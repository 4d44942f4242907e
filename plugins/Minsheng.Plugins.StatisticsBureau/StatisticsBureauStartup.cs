using Minsheng.Plugins.Abstractions;

namespace Minsheng.Plugins.StatisticsBureau;

public sealed class StatisticsBureauStartup : PluginStartup
{
    public override void ConfigureServices(PluginServices services) => services.AddExtension<ICertificationPolicy, StatisticsBureauPolicy>();
}
