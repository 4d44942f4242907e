using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Builders;
using GraphQL.Types;
using Minsheng.Domain.Access;

namespace Minsheng.GraphQL.Abstractions;

/// <summary>
/// The two shapes every mutation takes: <c>name(input: XInput!): X!</c> and <c>deleteX(id: ID!): DeletePayload!</c>. Each names
/// the permission it needs, so a mutation cannot be added without one.
/// </summary>
public static class MutationFields
{
    /// <summary>
    /// A mutation with one typed input. The result is read back at once, not deferred with other loaders:
    /// mutations run one after another and each must show the state right after its own change.
    /// </summary>
    public static FieldBuilder<object?, object> AddMutation<TInputType, TInput, TResultType>(this ObjectGraphType mutation, string name,
        Permission permission, Func<IResolveFieldContext, TInput, Task<object?>> run, string? description = null)
        where TInputType : InputType<TInput> where TResultType : IGraphType =>
        mutation.Field<NonNullGraphType<TResultType>>(name)
            .Requires(permission)
            .Description(description)
            .Argument<NonNullGraphType<TInputType>>("input")
            .ResolveAsync(c => c.Guard(async () =>
            {
                var result = await run(c, c.ReadInput<TInput>());
                return result is IDataLoaderResult pending ? await pending.GetResultAsync(c.CancellationToken) : result;
            }));

    /// <summary>Deletes the object of <paramref name="typeName"/> the id names and answers with that id.</summary>
    public static FieldBuilder<object?, object> AddDelete(this ObjectGraphType mutation, string name, Permission permission, string typeName,
        Func<IResolveFieldContext, Guid, Task> run) =>
        mutation.Field<NonNullGraphType<DeletePayloadType>>(name)
            .Requires(permission)
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.WithMetadata(GlobalId.TypeMetadataKey, typeName))
            .ResolveAsync(c => c.Guard<object?>(async () =>
            {
                var globalId = c.GetArgument<string>("id");
                await run(c, GlobalId.Expect(globalId, typeName, "id"));
                return globalId;
            }));

    /// <summary>The record an <see cref="InputType{T}"/> argument describes, read by the schema's own instance of that type.</summary>
    public static T ReadInput<T>(this IResolveFieldContext context, string argument = "input")
    {
        var definition = context.FieldDefinition.Arguments?.Find(argument)
            ?? throw new InvalidOperationException($"The field {context.FieldDefinition.Name} has no argument {argument}.");
        var type = definition.ResolvedType?.GetNamedType() as InputType<T>
            ?? throw new InvalidOperationException($"The argument {argument} of {context.FieldDefinition.Name} is not an InputType<{typeof(T).Name}>.");
        return type.Read(new InputValues(context.GetArgument<Dictionary<string, object?>>(argument) ?? []));
    }
}
