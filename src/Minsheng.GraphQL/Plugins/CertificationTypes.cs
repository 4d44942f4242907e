using Minsheng.Application.Plugins;
using Minsheng.Application.Units;
using Minsheng.Domain.Plans;
using Minsheng.GraphQL.Indicators;
using Minsheng.GraphQL.Units;
using Minsheng.Plugins.Abstractions;

namespace Minsheng.GraphQL.Plugins;

public sealed class TargetCertificationType : ObjectGraphType<CertificationRow>
{
    public TargetCertificationType()
    {
        Name = "TargetCertification";
        Description = "A certifying unit's decision (核定) on a target's figure: certified (the figure is frozen) or queried with a reason.";
        this.ReachedThroughCheckedField();
        Field<NonNullGraphType<EnumerationGraphType<CertificationDecision>>>("decision").Resolve(c => c.Source.Decision);
        Field(c => c.Value).Description("The signed-off figure decided on.");
        Field(c => c.Reason, nullable: true);
        Field<NonNullGraphType<UnitType>>("unit").Description("The certifying unit.").Resolve(c => c.Load<UnitByIdLoader, UnitRow?>(c.Source.UnitId));
        Field(c => c.DecidedBy);
        Field(c => c.DecidedAt);
    }
}

/// <summary>Indicator.certifier / certification / certificationHistory: only in schemas whose plugins certify figures.</summary>
public sealed class IndicatorCertificationFields : ITypeExtension<IndicatorType>
{
    public void Extend(IndicatorType type)
    {
        type.Field<UnitType>("certifier").Requires(Permission.ReadTenantData)
            .Description("The unit that must certify this target's figure under the tenant's rules (null: none needs to).")
            .Resolve(c =>
            {
                var project = c.Load<ProjectByIdLoader, ProjectRow?>(c.Source.ProjectId);
                var units = c.Load<UnitsByProjectLoader, IReadOnlyList<ProjectUnitRow>>(c.Source.ProjectId);
                var targets = c.Load<IndicatorsByProjectLoader, IReadOnlyList<IndicatorRow>>(c.Source.ProjectId);
                return new DeferredResult<UnitRow?>(new global::Minsheng.Data.Reading.Deferred<UnitRow?>(async ct =>
                {
                    if (c.Service<CertificationRules>().Current is not { } rules || await project.GetResultAsync(ct) is not { } p) return null;
                    var certifiers = (await units.GetResultAsync(ct)).Where(u => u.Role == Domain.Plans.ProjectUnitRole.Certifier).ToList();
                    var subject = new CertificationSubject(p.Name, certifiers.Select(u => new CertifierUnit(u.Unit.Id, u.Unit.Name)).ToList(),
                        (await targets.GetResultAsync(ct)).Select(t => new CertificationTarget(t.Position, t.Label, t.Unit)).ToList());
                    var requirement = rules(subject).FirstOrDefault(r => r.Position == c.Source.Position);
                    return requirement is null ? null : certifiers.First(u => u.Unit.Id == requirement.Certifier.Id).Unit;
                }));
            });
        type.Field<TargetCertificationType>("certification").Requires(Permission.ReadTenantData)
            .Description("The decision in force (the latest), or null.")
            .Resolve(c => new DeferredResult<CertificationRow?>(new global::Minsheng.Data.Reading.Deferred<CertificationRow?>(async ct =>
                (await c.Service<CertificationsByIndicatorLoader>().Load(c.Source.Id).GetAsync(ct)).FirstOrDefault())));
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TargetCertificationType>>>>("certificationHistory").Requires(Permission.ReadTenantData)
            .Description("Every decision on the target, latest first.")
            .Resolve(c => c.Load<CertificationsByIndicatorLoader, IReadOnlyList<CertificationRow>>(c.Source.Id));
    }
}

public sealed record CertifyTarget(Guid IndicatorId, CertificationDecision Decision, string? Reason);

public sealed class CertifyTargetInputType : InputType<CertifyTarget>
{
    private readonly InputField<Guid> _indicatorId;
    private readonly InputField<CertificationDecision> _decision;
    private readonly InputField<string?> _reason;

    public CertifyTargetInputType()
    {
        Name = "CertifyTargetInput";
        _indicatorId = Id("indicatorId", IndicatorType.TypeName);
        _decision = Required<EnumerationGraphType<CertificationDecision>, CertificationDecision>("decision",
            "CERTIFIED freezes the latest signed-off figure; QUERIED questions it (a reason is required) and unfreezes it.");
        _reason = Optional<StringGraphType, string>("reason");
    }

    public override CertifyTarget Read(InputValues input) => new(input.Get(_indicatorId), input.Get(_decision), input.Get(_reason));
}

/// <summary>Mutation.certifyTarget: only in schemas whose plugins certify figures.</summary>
public sealed class CertificationContributor(IEnumerable<PluginExtension<ICertificationPolicy>> policies) : ISchemaContributor
{
    public void Contribute(SchemaComposition schema)
    {
        if (!policies.Provides()) return;
        schema.Mutation.AddMutation<CertifyTargetInputType, CertifyTarget, IndicatorType>("certifyTarget", Permission.SignOffReports,
            async (c, input) => c.Load<IndicatorByIdLoader, IndicatorRow?>(
                await c.Service<Certifications>().DecideAsync(input.IndicatorId, input.Decision, input.Reason, c.CancellationToken)),
            "The certifying unit named on the project (its head, for the unit) certifies the target's latest signed-off figure — freezing it — or queries it with a reason. Audited.");
    }
}
