using GraphQL;
using GraphQL.Types;
using Minsheng.Domain.Access;
using Minsheng.GraphQL.Abstractions;
using Minsheng.Identity.Clients;
using Minsheng.Identity.Users;
using Minsheng.Tenancy;

namespace Minsheng.Identity.GraphQL;

public sealed class UserType : ObjectGraphType<UserView>
{
    public const string TypeName = "User";

    public UserType()
    {
        Name = TypeName;
        this.ReachedThroughCheckedField();
        Description = "A person of the tenant who signs in to the console.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field(u => u.UserName);
        Field(u => u.DisplayName);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles").Resolve(c => c.Source.Roles);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("unitIds").Description("The units a unit clerk or unit head acts for.")
            .Resolve(c => c.Source.UnitIds.Select(u => GlobalId.Encode("Unit", u)).ToList());
        Field(u => u.Disabled);
        Field(u => u.LockedOut).Description("Locked after repeated failed sign-ins; unlocks by itself.");
        Field(u => u.CreatedAt);
    }
}

public sealed class DashboardClientType : ObjectGraphType<DashboardClient>
{
    public const string TypeName = "DashboardClient";

    public DashboardClientType()
    {
        Name = TypeName;
        this.ReachedThroughCheckedField();
        Description = "A third-party dashboard that reads this tenant's data with client credentials (scope read).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field(c => c.ClientId).Description("The OAuth client_id.");
        Field(c => c.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("allowedOrigins").Resolve(c => c.Source.AllowedOrigins);
        Field(c => c.TrustedDocumentsOnly).Description("Only the trusted documents may run: no ad-hoc query, no new persisted-query registration.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("trustedDocuments").Description("SHA-256 hashes of the allowed documents.")
            .Resolve(c => c.Source.TrustedDocuments);
        Field(c => c.RequestsPerSecond, nullable: true);
        Field(c => c.CreatedBy);
        Field(c => c.CreatedAt);
        Field(c => c.RevokedAt, nullable: true);
    }
}

public sealed class RegisteredClientType : ObjectGraphType<RegisteredClient>
{
    public RegisteredClientType()
    {
        Name = "RegisteredClient";
        this.ReachedThroughCheckedField();
        Field<NonNullGraphType<DashboardClientType>>("client").Resolve(c => c.Source.Client);
        Field(c => c.ClientSecret).Description("Shown this once: only a hash is kept. Store it in the dashboard's secret settings.");
    }
}

/// <summary>Who the API takes the caller to be: what a console shows and what a dashboard developer checks first.</summary>
public sealed class CallerType : ObjectGraphType<Caller>
{
    public CallerType()
    {
        Name = "Caller";
        this.ReachedThroughCheckedField();
        Field<NonNullGraphType<StringGraphType>>("kind").Description("ANONYMOUS, USER, CLIENT or DEVELOPER.").Resolve(c => c.Source.Kind.ToString().ToUpperInvariant());
        Field(c => c.ActorId).Description("As the audit trail records it.");
        Field<StringGraphType>("tenant").Description("The region code of the tenant this request acts for.")
            .Resolve(c => c.RequestServices!.GetService(typeof(ITenantContextAccessor)) is ITenantContextAccessor t ? t.Current?.RegionCode : null);
        Field(c => c.RegionCode, nullable: true).Description("The region a region analyst or region client reads below.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("permissions")
            .Resolve(c => c.Source.Permissions.Select(p => p.ToString()).Order().ToList());
    }
}

public sealed record CreateUserRecord(string UserName, string DisplayName, string Password, IReadOnlyList<string> Roles, IReadOnlyList<Guid>? UnitIds);

public sealed class CreateUserInputType : InputType<CreateUserRecord>
{
    private readonly InputField<string> _userName, _displayName, _password;
    private readonly InputField<IReadOnlyList<string>?> _roles;
    private readonly InputField<IReadOnlyList<Guid>?> _units;

    public CreateUserInputType()
    {
        Name = "CreateUserInput";
        _userName = Required<StringGraphType, string>("userName", "Letters, digits and - . _ @ +; unique on the platform.");
        _displayName = Required<StringGraphType, string>("displayName");
        _password = Required<StringGraphType, string>("password", "At least 8 characters, with a digit and a lower-case letter.");
        _roles = Strings("roles", $"Any of: {string.Join(", ", Roles.TenantRoles)}.");
        _units = Ids("unitIds", "Unit", "For unit clerks and unit heads: the units they act for.");
    }

    public override CreateUserRecord Read(InputValues input) =>
        new(input.Get(_userName), input.Get(_displayName), input.Get(_password), input.Get(_roles) ?? [], input.Get(_units));
}

public sealed record CreateRegionAnalystRecord(string RegionCode, string UserName, string DisplayName, string Password);

public sealed class CreateRegionAnalystInputType : InputType<CreateRegionAnalystRecord>
{
    private readonly InputField<string> _region, _userName, _displayName, _password;

    public CreateRegionAnalystInputType()
    {
        Name = "CreateRegionAnalystInput";
        _region = Required<StringGraphType, string>("regionCode", "The city or province (GB/T 2260) whose tenants the analyst reads.");
        _userName = Required<StringGraphType, string>("userName");
        _displayName = Required<StringGraphType, string>("displayName");
        _password = Required<StringGraphType, string>("password");
    }

    public override CreateRegionAnalystRecord Read(InputValues input) =>
        new(input.Get(_region), input.Get(_userName), input.Get(_displayName), input.Get(_password));
}

public sealed record RegisterRegionClientRecord(string RegionCode, ClientRegistration Registration);

public sealed class RegisterRegionClientInputType : InputType<RegisterRegionClientRecord>
{
    private readonly InputField<string> _region, _name;
    private readonly InputField<IReadOnlyList<string>?> _origins;

    public RegisterRegionClientInputType()
    {
        Name = "RegisterRegionClientInput";
        _region = Required<StringGraphType, string>("regionCode", "The city or province whose tenants the client reads (it picks one with X-Tenant).");
        _name = Required<StringGraphType, string>("name");
        _origins = Strings("allowedOrigins");
    }

    public override RegisterRegionClientRecord Read(InputValues input) =>
        new(input.Get(_region), new ClientRegistration(input.Get(_name), input.Get(_origins) ?? [], false, [], null));
}

public sealed record UpdateUserRecord(Guid Id, string? DisplayName, IReadOnlyList<string>? Roles, IReadOnlyList<Guid>? UnitIds, bool? Disabled);

public sealed class UpdateUserInputType : InputType<UpdateUserRecord>
{
    private readonly InputField<Guid> _id;
    private readonly InputField<string?> _displayName;
    private readonly InputField<IReadOnlyList<string>?> _roles;
    private readonly InputField<IReadOnlyList<Guid>?> _units;
    private readonly InputField<bool?> _disabled;

    public UpdateUserInputType()
    {
        Name = "UpdateUserInput";
        _id = Id("id", UserType.TypeName);
        _displayName = Optional<StringGraphType, string>("displayName");
        _roles = Strings("roles", "Replaces the user's roles.");
        _units = Ids("unitIds", "Unit", "Replaces the user's units.");
        _disabled = Optional<BooleanGraphType, bool?>("disabled", "A disabled user cannot sign in and its tokens stop working.");
    }

    public override UpdateUserRecord Read(InputValues input) =>
        new(input.Get(_id), input.Get(_displayName), input.Get(_roles), input.Get(_units), input.Get(_disabled));
}

public sealed class RegisterDashboardClientInputType : InputType<ClientRegistration>
{
    private readonly InputField<string> _name;
    private readonly InputField<IReadOnlyList<string>?> _origins, _documents;
    private readonly InputField<bool?> _trustedOnly;
    private readonly InputField<int?> _rate;

    public RegisterDashboardClientInputType()
    {
        Name = "RegisterDashboardClientInput";
        _name = Required<StringGraphType, string>("name");
        _origins = Strings("allowedOrigins", "Browser origins (https://host[:port]) that may call the API with this client's tokens.");
        _trustedOnly = Optional<BooleanGraphType, bool?>("trustedDocumentsOnly", "Lock the client to trustedDocuments.");
        _documents = Strings("trustedDocuments", "SHA-256 hashes (hex) of the documents the client may run.");
        _rate = Optional<IntGraphType, int?>("requestsPerSecond", "Sustained requests per second for this client; default: the tenant's limit.");
    }

    public override ClientRegistration Read(InputValues input) =>
        new(input.Get(_name), input.Get(_origins) ?? [], input.Get(_trustedOnly) ?? false, input.Get(_documents) ?? [], input.Get(_rate));
}

public sealed record UpdateClientRecord(Guid Id, ClientChange Change);

public sealed class UpdateDashboardClientInputType : InputType<UpdateClientRecord>
{
    private readonly InputField<Guid> _id;
    private readonly InputField<string?> _name;
    private readonly InputField<IReadOnlyList<string>?> _origins, _documents;
    private readonly InputField<bool?> _trustedOnly;
    private readonly InputField<int?> _rate;

    public UpdateDashboardClientInputType()
    {
        Name = "UpdateDashboardClientInput";
        _id = Id("id", DashboardClientType.TypeName);
        _name = Optional<StringGraphType, string>("name");
        _origins = Strings("allowedOrigins", "Replaces the client's origins.");
        _trustedOnly = Optional<BooleanGraphType, bool?>("trustedDocumentsOnly");
        _documents = Strings("trustedDocuments", "Replaces the client's trusted documents (SHA-256 hashes, hex).");
        _rate = Optional<IntGraphType, int?>("requestsPerSecond");
    }

    public override UpdateClientRecord Read(InputValues input) =>
        new(input.Get(_id), new ClientChange(input.Get(_name), input.Get(_origins), input.Get(_trustedOnly), input.Get(_documents), input.Get(_rate)));
}

public sealed record ResetPasswordRecord(Guid Id, string Password);

public sealed class ResetUserPasswordInputType : InputType<ResetPasswordRecord>
{
    private readonly InputField<Guid> _id;
    private readonly InputField<string> _password;

    public ResetUserPasswordInputType()
    {
        Name = "ResetUserPasswordInput";
        _id = Id("id", UserType.TypeName);
        _password = Required<StringGraphType, string>("password", "The new password: at least 8 characters, with a digit and a lower-case letter.");
    }

    public override ResetPasswordRecord Read(InputValues input) => new(input.Get(_id), input.Get(_password));
}

public sealed record ClientById(Guid Id);

public sealed class RevokeDashboardClientInputType : InputType<ClientById>
{
    private readonly InputField<Guid> _id;

    public RevokeDashboardClientInputType()
    {
        Name = "RevokeDashboardClientInput";
        _id = Id("id", DashboardClientType.TypeName);
    }

    public override ClientById Read(InputValues input) => new(input.Get(_id));
}
