using Minsheng.Application.Supervision;

namespace Minsheng.Server.Supervision;

/// <summary>Runs the writer that stores worked-out assessments for the next page with lights, for the server's lifetime.</summary>
internal sealed class StoredAssessmentWriting(StoredAssessmentWriter writer) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await writer.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
