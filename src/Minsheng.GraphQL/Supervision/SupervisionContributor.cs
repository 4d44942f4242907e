using Minsheng.Application.Supervision;

namespace Minsheng.GraphQL.Supervision;

/// <summary>Status and lights: the tenant's thresholds, and recording the light history (the fields on Project are <see cref="ProjectAssessmentFields"/>).</summary>
public sealed class SupervisionContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema)
    {
        schema.Query.Field<NonNullGraphType<StatusThresholdsType>>("statusRules").Requires(Permission.ReadTenantData)
            .Description("The thresholds the status and light rules use for this tenant.")
            .ResolveAsync(async c => await c.Guard(async () => (object?)await c.Service<StatusSettings>().GetAsync(c.CancellationToken)));
        schema.Mutation.AddMutation<ConfigureStatusRulesInputType, StatusRulesChange, StatusThresholdsType>("configureStatusRules", Permission.ConfigureTenant,
            async (c, input) =>
            {
                var settings = c.Service<StatusSettings>();
                return (object?)await settings.SetAsync(input.ApplyTo(await settings.GetAsync(c.CancellationToken)), c.CancellationToken);
            },
            "Sets the tenant's thresholds (tenant administrators); a field left out keeps its value. Audited.");
        schema.Mutation.AddMutation<RecordLightsInputType, RecordLights, LightRecordingType>("recordLights", Permission.ReviewReports,
            async (c, input) => (object?)await c.Service<LightHistory>().RecordAsync(input.AsOf ?? c.Service<ProjectAssessments>().Today, c.CancellationToken),
            "Assesses every project on a day (default today) and adds each change of light to the history (the supervision office, e.g. at each month's 调度; the server also does it every few hours).");
    }
}
