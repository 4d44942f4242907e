namespace Minsheng.Plugins.Abstractions;

/// <summary>A unit named on a project to certify its figures (核定单位), e.g. 区统计局.</summary>
public sealed record CertifierUnit(Guid Id, string Name);

/// <summary>A project's target as a certification policy sees it: its position, label and unit.</summary>
public sealed record CertificationTarget(int Position, string Label, string Unit);

/// <summary>What a certification policy sees of a project: its name, the units named to certify it, and its targets.</summary>
public sealed record CertificationSubject(string ProjectName, IReadOnlyList<CertifierUnit> Certifiers, IReadOnlyList<CertificationTarget> Targets);

/// <summary>A target (by position) whose reported figure only counts once <see cref="Certifier"/> certified it.</summary>
public sealed record CertificationRequirement(int Position, CertifierUnit Certifier);

/// <summary>
/// Which unit certifies which of a project's targets. A project whose targets are met counts as completed only when
/// every target the policy names here is certified at its reported figure; a certified figure is frozen. No requirement
/// (an empty list): the project completes as the core's rules say.
/// </summary>
public interface ICertificationPolicy
{
    IReadOnlyList<CertificationRequirement> Requirements(CertificationSubject project);
}
