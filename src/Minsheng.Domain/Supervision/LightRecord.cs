using Minsheng.Domain.Tenancy;

namespace Minsheng.Domain.Supervision;

/// <summary>
/// One change of a project's light, as the supervision office saw it on <see cref="RecordedFor"/>: the light, since when,
/// whether it is an escalated yellow, and the reasons then. Appended, never rewritten: "red since March" is read from here.
/// </summary>
public sealed class LightRecord : TenantEntity
{
    private LightRecord() { Reasons = "[]"; }

    public LightRecord(Guid projectId, DateOnly recordedFor, ProjectAssessment assessment, string reasonsJson, DateTimeOffset recordedAt)
    {
        ProjectId = projectId;
        RecordedFor = recordedFor;
        Light = assessment.Light;
        Since = assessment.LightSince;
        Escalated = assessment.ToRecord().Escalated;
        Status = assessment.Status;
        Reasons = reasonsJson;
        RecordedAt = recordedAt;
    }

    public Guid ProjectId { get; private set; }
    public DateOnly RecordedFor { get; private set; }
    public Light Light { get; private set; }
    public DateOnly Since { get; private set; }
    public bool Escalated { get; private set; }
    public ProjectStatus Status { get; private set; }
    /// <summary>The reasons as JSON: [{code, light, message}].</summary>
    public string Reasons { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
