namespace Minsheng.Application.Common;

/// <summary>Who is acting, for the audit trail. Until the identity issue lands, requests act as "development".</summary>
public sealed class ActorAccessor
{
    public string Name { get; set; } = "development";
}
