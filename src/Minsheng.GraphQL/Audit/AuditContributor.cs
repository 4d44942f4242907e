using Minsheng.Application.Audit;

namespace Minsheng.GraphQL.Audit;

/// <summary>The tenant's audit trail, read by its supervision office and administrators.</summary>
public sealed class AuditContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema) =>
        schema.Query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryType>>>>("auditTrail")
            .RequiresAny(Permission.ReviewReports, Permission.ManageUsers)
            .Description("The tenant's audit trail, newest first (the supervision office and tenant administrators). Page with `before`: the `at` of the last entry seen.")
            .Argument<StringGraphType>("entityType", a => a.Description = "e.g. Project, ProgressReport, User.")
            .Argument<IdGraphType>("entityId", a => a.Description = "One entity's history (a global id).")
            .Argument<StringGraphType>("actor", a => a.Description = "e.g. user:411302-supervisor.")
            .Argument<DateTimeOffsetGraphType>("from")
            .Argument<DateTimeOffsetGraphType>("to")
            .Argument<DateTimeOffsetGraphType>("before")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 50)
            .ResolveAsync(async c => await c.Guard(async () =>
            {
                Guid? entityId = c.GetArgument<string?>("entityId") is { } global
                    ? GlobalId.TryDecode(global, out _, out var id) ? id : throw ErrorCodes.BadInput($"'{global}' is not an id issued by this API.", "entityId")
                    : null;
                var filter = new AuditFilter(c.GetArgument<string?>("entityType"), entityId, c.GetArgument<string?>("actor"),
                    c.GetArgument<DateTimeOffset?>("from"), c.GetArgument<DateTimeOffset?>("to"));
                return (object?)await c.Service<AuditQueries>().EntriesAsync(filter, c.GetArgument("first", 50), c.GetArgument<DateTimeOffset?>("before"), c.CancellationToken);
            }));
}
