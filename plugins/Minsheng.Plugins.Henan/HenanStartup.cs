using Minsheng.Plugins.Abstractions;

namespace Minsheng.Plugins.Henan;

public sealed class HenanStartup : PluginStartup
{
    public override void ConfigureServices(PluginServices services) => services
        .AddExtension<ITaskCatalog, HenanTaskCatalog>()
        .AddExtension<IProjectClassifier, HenanClassifier>();
}
