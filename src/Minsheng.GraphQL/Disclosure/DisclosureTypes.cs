using Minsheng.Application.Disclosure;
using Minsheng.Application.Importing;
using Minsheng.Domain.Bulletins;
using Minsheng.GraphQL.Plans;

namespace Minsheng.GraphQL.Disclosure;

// The public types are their own: none has an id, none implements Node, none leads to a type of the signed-in API. What
// is not in these records cannot be asked for.

public sealed class PublicTargetType : ObjectGraphType<PublicTarget>
{
    public PublicTargetType()
    {
        Name = "PublicTarget";
        this.ReachedThroughCheckedField();
        Field(t => t.Label);
        Field(t => t.Comparator).Description("AT_LEAST, AT_MOST, EXACTLY, REACH or ABOUT, as in the plan.");
        Field(t => t.TargetValue);
        Field(t => t.Unit);
        Field(t => t.Achieved, nullable: true).Description("The latest figure the supervision office accepted.");
        Field(t => t.CompletionPercent, nullable: true);
    }
}

public sealed class PublicProjectType : ObjectGraphType<PublicProject>
{
    public PublicProjectType()
    {
        Name = "PublicProject";
        this.ReachedThroughCheckedField();
        Field(p => p.Sequence);
        Field(p => p.Name);
        Field(p => p.Content, nullable: true);
        Field(p => p.Category, nullable: true);
        Field(p => p.Deadline, nullable: true).Description("As printed: 2024年6月底.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("leadUnits").Resolve(c => c.Source.LeadUnits);
        Field(p => p.State).Description("Active, Suspended, Cancelled or ClosedOut (销号).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PublicTargetType>>>>("targets").Resolve(c => c.Source.Targets);
        Field(p => p.LatestPeriod, nullable: true).Description("The month of the latest accepted report, yyyy-MM.");
        Field(p => p.LatestProgress, nullable: true).Description("What that report said of the progress.");
    }
}

public sealed class PublicPlanType : ObjectGraphType<PublicPlan>
{
    public PublicPlanType()
    {
        Name = "PublicPlan";
        this.ReachedThroughCheckedField();
        Field(p => p.Year);
        Field(p => p.Title);
        Field(p => p.Issuer, nullable: true);
        Field(p => p.DocumentNumber, nullable: true);
        Field<DateOnlyGraphType>("issuedOn").Resolve(c => c.Source.IssuedOn);
        Field(p => p.Approval, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PublicProjectType>>>>("projects").Resolve(c => c.Source.Projects);
    }
}

public sealed class PublicBulletinType : ObjectGraphType<PublicBulletin>
{
    public PublicBulletinType()
    {
        Name = "PublicBulletin";
        this.ReachedThroughCheckedField();
        Field<NonNullGraphType<EnumerationGraphType<BulletinKind>>>("kind").Resolve(c => c.Source.Kind);
        Field(b => b.Year);
        Field(b => b.Period);
        Field(b => b.Version);
        Field(b => b.Title);
        Field<NonNullGraphType<DateOnlyGraphType>>("asOf").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("publishedAt").Resolve(c => c.Source.PublishedAt);
        Field(b => b.Html);
        Field<NonNullGraphType<ExportedFileType>>("docx")
            .Resolve(c => new ExportedFile(c.Source.FileName, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", c.Source.Docx));
    }
}

public sealed class PublicDisclosureType : ObjectGraphType<PublicDisclosureView>
{
    public PublicDisclosureType()
    {
        Name = "PublicDisclosure";
        Description = "What a government published: its plans with the accepted progress, and its published bulletins.";
        this.ReachedThroughCheckedField();
        Field(d => d.RegionCode);
        Field(d => d.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PublicPlanType>>>>("plans").Resolve(c => c.Source.Plans);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PublicBulletinType>>>>("bulletins").Resolve(c => c.Source.Bulletins);
    }
}

/// <summary>Public disclosure (公开): anonymous, read-only, published things only.</summary>
public sealed class DisclosureContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema) =>
        schema.Query.Field<PublicDisclosureType>("publicDisclosure").Public()
            .Description("What the government of a region published, for anyone, signed in or not; null when it is not a tenant.")
            .Argument<NonNullGraphType<StringGraphType>>("regionCode")
            .ResolveAsync(async c => await c.Guard(async () => (object?)await c.Service<PublicDisclosure>().ForRegionAsync(
                c.GetArgument<string>("regionCode"), c.CancellationToken)));
}
