namespace Minsheng.Domain;

/// <summary>Why a command was refused; the API maps each kind to an error code.</summary>
public enum DomainErrorKind
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
    /// <summary>A workflow step the object's state does not allow (approving a draft, editing an accepted report).</summary>
    IllegalTransition,
    /// <summary>A change to a published plan that needs a recorded change decision (reason, approver) instead of an edit.</summary>
    DecisionRequired,
}

/// <summary>A rule of the domain was broken by the caller's input. The message is safe to show to users.</summary>
public sealed class DomainException(DomainErrorKind kind, string message, string? field = null) : Exception(message)
{
    public DomainErrorKind Kind { get; } = kind;

    /// <summary>The input field at fault, when there is one (e.g. "targetValue").</summary>
    public string? Field { get; } = field;

    public static DomainException Invalid(string field, string message) => new(DomainErrorKind.Invalid, message, field);
    public static DomainException NotFound(string what, Guid id) => new(DomainErrorKind.NotFound, $"{what} {id} was not found.");
    public static DomainException Conflict(string message) => new(DomainErrorKind.Conflict, message);
    public static DomainException IllegalTransition(string message) => new(DomainErrorKind.IllegalTransition, message);
    public static DomainException DecisionRequired(string field, string message) => new(DomainErrorKind.DecisionRequired, message, field);
}
