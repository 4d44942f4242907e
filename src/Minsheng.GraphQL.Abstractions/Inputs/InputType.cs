using GraphQL;
using GraphQL.Types;
using Minsheng.Domain;
using Minsheng.Domain.Values;

namespace Minsheng.GraphQL.Abstractions;

/// <summary>
/// An input object bound to a record: fields are declared through typed handles and <see cref="Read"/> builds
/// the record from them, so an unknown or misspelt field cannot compile. Update inputs use
/// <see cref="Patch{TGraphType,TValue}"/> (absent keeps the value, null clears it) and
/// <see cref="Keep{TGraphType,TValue}"/> (absent keeps it, null is refused).
/// </summary>
public abstract class InputType<T> : InputObjectGraphType
{
    /// <summary>Builds the record. Runs inside the resolver, so refused values become input errors naming the field.</summary>
    public abstract T Read(InputValues input);

    protected InputField<TValue> Required<TGraphType, TValue>(string name, string? description = null, Func<object, TValue>? convert = null)
        where TGraphType : IGraphType
    {
        Declare<NonNullGraphType<TGraphType>>(name, description);
        return new(name, values => values.TryGetValue(name, out var v) && v is not null
            ? Convert(v, convert)
            : throw DomainException.Invalid(name, $"{name} is required."));
    }

    protected InputField<TValue?> Optional<TGraphType, TValue>(string name, string? description = null, Func<object, TValue>? convert = null)
        where TGraphType : IGraphType
    {
        RequireNullable<TValue>(name);
        Declare<TGraphType>(name, description);
        return new(name, values => values.TryGetValue(name, out var v) && v is not null ? Convert(v, convert) : default);
    }

    /// <summary>An update field that may be left out (keep), given (change) or null (clear).</summary>
    protected InputField<Opt<TValue?>> Patch<TGraphType, TValue>(string name, string? description = null, Func<object, TValue>? convert = null)
        where TGraphType : IGraphType
    {
        RequireNullable<TValue>(name);
        Declare<TGraphType>(name, description);
        return new(name, values => values.TryGetValue(name, out var v)
            ? Opt<TValue?>.Of(v is null ? default : Convert(v, convert))
            : Opt<TValue?>.Absent);
    }

    /// <summary>An update field that may be left out (keep) or given (change), but not cleared: null is refused.</summary>
    protected InputField<Opt<TValue>> Keep<TGraphType, TValue>(string name, string? description = null, Func<object, TValue>? convert = null)
        where TGraphType : IGraphType
    {
        Declare<TGraphType>(name, description);
        return new(name, values => values.TryGetValue(name, out var v)
            ? v is null
                ? throw DomainException.Invalid(name, $"{name} cannot be null; leave it out to keep the current value.")
                : Opt<TValue>.Of(Convert(v, convert))
            : Opt<TValue>.Absent);
    }

    /// <summary>A required global id of an object of <paramref name="typeName"/>.</summary>
    protected InputField<Guid> Id(string name, string typeName, string? description = null)
    {
        DeclareId<NonNullGraphType<IdGraphType>>(name, typeName, description);
        return new(name, values => GlobalId.Expect(values.GetValueOrDefault(name) as string, typeName, name));
    }

    protected InputField<Guid?> OptionalId(string name, string typeName, string? description = null)
    {
        DeclareId<IdGraphType>(name, typeName, description);
        return new(name, values => values.GetValueOrDefault(name) is string s ? GlobalId.Expect(s, typeName, name) : null);
    }

    /// <summary>An update's id field: absent keeps, an id changes, null clears.</summary>
    protected InputField<Opt<Guid?>> PatchId(string name, string typeName, string? description = null)
    {
        DeclareId<IdGraphType>(name, typeName, description);
        return new(name, values => values.TryGetValue(name, out var v)
            ? Opt<Guid?>.Of(v is string s ? GlobalId.Expect(s, typeName, name) : null)
            : Opt<Guid?>.Absent);
    }

    /// <summary>A list of global ids: null when the field is absent, empty when it is null or empty.</summary>
    protected InputField<IReadOnlyList<Guid>?> Ids(string name, string typeName, string? description = null)
    {
        DeclareId<ListGraphType<NonNullGraphType<IdGraphType>>>(name, typeName, description);
        return new(name, values => values.TryGetValue(name, out var v)
            ? v is IEnumerable<object?> list ? list.Select(o => GlobalId.Expect(o as string, typeName, name)).ToList() : []
            : null);
    }

    /// <summary>A list of strings: null when absent, empty when null.</summary>
    protected InputField<IReadOnlyList<string>?> Strings(string name, string? description = null)
    {
        Declare<ListGraphType<NonNullGraphType<StringGraphType>>>(name, description);
        return new(name, values => values.TryGetValue(name, out var v)
            ? v is IEnumerable<object?> list ? list.OfType<string>().ToList() : []
            : null);
    }

    private void Declare<TGraphType>(string name, string? description) where TGraphType : IGraphType =>
        Field<TGraphType>(name).Description(description);

    /// <summary>An id field, with the type its ids must be of as metadata (<see cref="GlobalId.TypeMetadataKey"/>): tools such as the leak suite read it.</summary>
    private void DeclareId<TGraphType>(string name, string typeName, string? description) where TGraphType : IGraphType =>
        Field<TGraphType>(name).Description(description).WithMetadata(GlobalId.TypeMetadataKey, typeName);

    /// <summary>
    /// For Optional and Patch: null must be representable. TValue? on an unconstrained generic is not Nullable&lt;T&gt;
    /// for a value type, so Optional&lt;IntGraphType, int&gt; would read null as 0; such a declaration fails when the
    /// schema is built, not at run time.
    /// </summary>
    private static void RequireNullable<TValue>(string name)
    {
        if (typeof(TValue).IsValueType && Nullable.GetUnderlyingType(typeof(TValue)) is null)
            throw new InvalidOperationException($"Input field {name}: declare it with {typeof(TValue).Name}? so that null stays null.");
    }

    private static TValue Convert<TValue>(object value, Func<object, TValue>? convert) => convert is not null ? convert(value) : (TValue)value;
}

/// <summary>The input of a step that names one object and nothing else (submit, sign for, publish, revoke …).</summary>
public sealed record ById(Guid Id);

/// <summary><c>{ id: ID! }</c> of one object type; each step input is a one-line subclass naming itself and the type.</summary>
public abstract class ByIdInputType : InputType<ById>
{
    private readonly InputField<Guid> _id;

    protected ByIdInputType(string name, string typeName)
    {
        Name = name;
        _id = Id("id", typeName);
    }

    public override ById Read(InputValues input) => new(input.Get(_id));
}
