using Minsheng.Domain.Bulletins;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Reports;
using Minsheng.Domain.Supervision;

namespace Minsheng.Domain.Tests;

/// <summary>The workflow rules of issue 17 in the domain: each allowed step, and each refusal with its kind.</summary>
public sealed class SupervisionWorkflowTests
{
    private static readonly DateTimeOffset Monday = new(2024, 4, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static SupervisionNotice Notice() =>
        new(Guid.NewGuid(), 2024, 3, 1, "进度滞后", "4月底前整改", new DateOnly(2024, 4, 30), "user:office", Monday, new DateOnly(2024, 4, 1));

    private static DomainErrorKind Refusal(Action step) => Assert.Throws<DomainException>(step).Kind;

    [Fact]
    public void A_notice_goes_issued_acknowledged_replied_closed_and_nothing_skips_a_step()
    {
        var notice = Notice();
        Assert.Equal("督办〔2024〕3号", notice.Number);
        Assert.Equal(DomainErrorKind.IllegalTransition, Refusal(() => notice.Reply("user:clerk", "已整改", Monday)));
        Assert.Equal(DomainErrorKind.IllegalTransition, Refusal(() => notice.Close("user:office", "通过", Monday)));

        notice.Acknowledge("user:clerk", Monday);
        Assert.Equal(DomainErrorKind.IllegalTransition, Refusal(() => notice.Acknowledge("user:clerk", Monday)));
        Assert.Equal(DomainErrorKind.Invalid, Refusal(() => notice.Reply("user:clerk", "  ", Monday)));
        notice.Reply("user:clerk", "已整改", Monday);
        notice.Reply("user:head", "已整改，附照片", Monday); // corrected before the re-check
        notice.Close("user:office", "复核通过", Monday);

        Assert.Equal((NoticeStatus.Closed, "user:head", "复核通过"), (notice.Status, notice.RepliedBy, notice.ReviewComment));
        Assert.False(notice.IsOpen);
        Assert.Equal(DomainErrorKind.IllegalTransition, Refusal(() => notice.Escalate("user:office", "再议", Monday)));
    }

    [Fact]
    public void A_notice_is_overdue_only_unanswered_after_its_deadline_and_cannot_be_due_before_it_was_issued()
    {
        Assert.True(SupervisionNotice.IsOverdue(NoticeStatus.Acknowledged, new DateOnly(2024, 4, 30), new DateOnly(2024, 5, 1)));
        Assert.False(SupervisionNotice.IsOverdue(NoticeStatus.Acknowledged, new DateOnly(2024, 4, 30), new DateOnly(2024, 4, 30)));
        Assert.False(SupervisionNotice.IsOverdue(NoticeStatus.Replied, new DateOnly(2024, 4, 30), new DateOnly(2024, 6, 1)));
        Assert.Equal(DomainErrorKind.Invalid, Refusal(() =>
            _ = new SupervisionNotice(Guid.NewGuid(), 2024, 1, 1, "p", "r", new DateOnly(2024, 3, 31), "user:office", Monday, new DateOnly(2024, 4, 1))));
    }

    [Fact]
    public void A_project_is_suspended_resumed_or_cancelled_only_from_the_states_that_allow_it_and_closed_out_once()
    {
        var project = new Project(Guid.NewGuid(), 1, new ProjectDetails("1", "老旧小区改造"));
        project.ChangeState(ProjectState.Suspended);
        Assert.Equal(DomainErrorKind.IllegalTransition, Refusal(() => project.ChangeState(ProjectState.Suspended)));
        Assert.Equal(DomainErrorKind.IllegalTransition, Refusal(() => project.CloseOut("user:office", "验收", Monday)));
        project.ChangeState(ProjectState.Active);
        Assert.Equal(DomainErrorKind.Invalid, Refusal(() => project.CloseOut("user:office", "", Monday)));
        project.CloseOut("user:office", "验收合格", Monday);
        Assert.Equal(DomainErrorKind.IllegalTransition, Refusal(() => project.ChangeState(ProjectState.Cancelled)));
        Assert.Equal((ProjectState.ClosedOut, "user:office"), (project.State, project.ClosedOutBy));
    }

    [Fact]
    public void The_congress_reference_is_needed_for_a_target_or_a_cancellation_of_a_voted_plan_only()
    {
        var voted = new Plan(2024, "2024年民生实事项目计划");
        voted.Update(2024, voted.Title, null, null, null, "经县十七届人大常委会第十次会议票决通过");
        var notVoted = new Plan(2024, "2024年民生实事项目计划");

        Assert.True(ChangeDecision.NeedsCongressReference(ChangeKind.TargetAdjusted, voted));
        Assert.True(ChangeDecision.NeedsCongressReference(ChangeKind.Cancelled, voted));
        Assert.False(ChangeDecision.NeedsCongressReference(ChangeKind.DeadlineMoved, voted));
        Assert.False(ChangeDecision.NeedsCongressReference(ChangeKind.Suspended, voted));
        Assert.False(ChangeDecision.NeedsCongressReference(ChangeKind.Cancelled, notVoted));
    }

    [Theory]
    [InlineData("a.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData("a.JPG", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData("a.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
    [InlineData("a.docx", new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("a.jpg", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, null)]
    [InlineData("a.exe", new byte[] { 0x4D, 0x5A }, null)]
    [InlineData("a.pdf", new byte[] { 0x50, 0x4B, 0x03, 0x04 }, null)]
    public void Evidence_is_the_type_its_content_and_name_agree_on(string name, byte[] content, string? expected) =>
        Assert.Equal(expected, EvidenceFile.Detect(name, content));

    [Fact]
    public void A_bulletin_is_published_once_and_its_period_fits_its_kind()
    {
        var bulletin = new Bulletin(BulletinKind.Monthly, 2024, 5, 1, "5月通报", new DateOnly(2024, 6, 6), "<p/>", [1], "{}", "user:office", Monday);
        bulletin.Publish("user:office", Monday);
        Assert.Equal(DomainErrorKind.IllegalTransition, Refusal(() => bulletin.Publish("user:office", Monday)));
        bulletin.Withdraw();
        Assert.False(bulletin.Published);
        Assert.Equal(DomainErrorKind.Invalid, Refusal(() => _ = new Bulletin(BulletinKind.Quarterly, 2024, 5, 1, "", default, "", [], "{}", "", Monday)));
        Assert.Equal(DomainErrorKind.Invalid, Refusal(() => _ = new Bulletin(BulletinKind.YearEnd, 2024, 1, 1, "", default, "", [], "{}", "", Monday)));
    }
}
