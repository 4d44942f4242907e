namespace Minsheng.GraphQL.Abstractions;

/// <summary>
/// A declared field of an input object and how its value is read. Declared once by an
/// <see cref="InputType{T}"/> and read through the same handle, so a field's name is written in one place only.
/// </summary>
public sealed class InputField<T>(string name, Func<IReadOnlyDictionary<string, object?>, T> read)
{
    public string Name { get; } = name;

    internal T Read(IReadOnlyDictionary<string, object?> values) => read(values);
}

/// <summary>The fields of one input object as the executor coerced them (absent fields are missing keys).</summary>
public sealed class InputValues(IReadOnlyDictionary<string, object?> values)
{
    public T Get<T>(InputField<T> field) => field.Read(values);
}
