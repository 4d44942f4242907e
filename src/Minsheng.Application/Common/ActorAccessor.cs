using Minsheng.Tenancy;

namespace Minsheng.Application.Common;

/// <summary>
/// Who is acting, for the audit trail: the request's caller ("user:…", "client:…", "development"), unless a
/// command-line tool or a job names itself.
/// </summary>
public sealed class ActorAccessor(ICallerAccessor caller)
{
    private string? _name;

    public string Name
    {
        get => _name ?? caller.Current.ActorId;
        set => _name = value;
    }
}
