using System.Text.Json.Serialization;
using Minsheng.Domain.Supervision;

namespace Minsheng.Application.Supervision;

/// <summary>
/// The JSON of a stored assessment, generated at build time: a page with lights reads one per project, and the
/// reflection-based serializer cost more than the rest of the read. Same shape as <see cref="Common.StoredJson"/>.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ProjectAssessment))]
internal sealed partial class StoredAssessmentJson : JsonSerializerContext;
