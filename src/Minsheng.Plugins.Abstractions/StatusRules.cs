using Minsheng.Domain.Supervision;

namespace Minsheng.Plugins.Abstractions;

/// <summary>
/// A level's own thresholds for the status rules (how far behind is at risk or lagging, how long a yellow lasts before it
/// turns red …), supplied by a plugin. A tenant running the plugin assesses with them unless it set its own
/// (<c>configureStatusRules</c>), which always come first.
/// </summary>
public interface IStatusThresholdSource
{
    StatusThresholds Defaults { get; }
}
