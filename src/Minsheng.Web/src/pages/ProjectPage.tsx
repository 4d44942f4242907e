import { graphql } from "../gql";
import { categoryLabel, formatNumber, formatPeriod, formatTime, lightLabel, milestoneStateLabel, reportStatusLabel, statusLabel } from "../lib/labels";
import { Link } from "../lib/router";
import { can, useSession } from "../lib/session";
import { Empty, ErrorBox, LightBadge, Loading, ProgressBar } from "../lib/ui";
import { useQuery } from "../lib/useQuery";
import { ChangeDecisionForm, ChangeHistory, CloseOutForm } from "./ProjectActions";

const ProjectDocument = graphql(`
  query Project($id: ID!) {
    project(id: $id) {
      id sequence name content category state investmentText responsibleLeader
      deadline { text }
      plan { year title }
      leadUnits { name }
      coUnits { name }
      indicators { id label comparator targetValue unit }
      milestones { id text due { text date } achievedOn state }
      assessment { status light progressPercent elapsedPercent lightSince reasons { code light message } }
      lightHistory { recordedFor light since status escalated }
      closedOutBy closedOutAt closureNote
      changeDecisions { id kind reason approver congressReference decidedOn before after recordedBy recordedAt }
      reports {
        id period status submittedBy submittedAt approvedBy acceptedBy returnReason progress
        actuals { indicator { id } value }
      }
    }
  }
`);

/** A target's progress: its latest reported figure against the target value. */
function latestActual(reports: { actuals: { indicator: { id: string }; value: string | number }[] }[], indicatorId: string) {
  for (const r of reports) {
    const a = r.actuals.find((x) => x.indicator.id === indicatorId);
    if (a) return Number(a.value);
  }
  return null;
}

/**
 * The month a clerk files next: the latest report's month while it is a draft or was returned, else the month after it
 * (within the plan's year); with no report yet, this month in the plan's year, else the plan's January.
 */
export function periodToFile(planYear: number, reports: { period: string; status: string }[], today = new Date()): string {
  const latest = reports[0];
  if (latest && (latest.status === "DRAFT" || latest.status === "RETURNED")) return latest.period;
  if (latest) {
    const [y, m] = latest.period.split("-").map(Number);
    return m >= 12 ? latest.period : `${y}-${String(m + 1).padStart(2, "0")}`;
  }
  return today.getFullYear() === planYear ? today.toISOString().slice(0, 7) : `${planYear}-01`;
}

export function ProjectPage({ id }: { id: string }) {
  const session = useSession();
  const { data, error, reload } = useQuery(ProjectDocument, { id });

  if (error) return <ErrorBox error={error} retry={reload} />;
  if (!data) return <Loading what="加载项目" />;
  const p = data.project;
  if (!p) return <Empty>没有这个项目，或它不属于当前地区。</Empty>;
  const toFile = periodToFile(p.plan.year, p.reports);
  return (
    <article className="project">
      <p className="crumbs"><Link to="/projects">项目</Link> / {p.sequence}</p>
      <h1>{p.sequence}. {p.name}</h1>
      <div className="summary">
        <LightBadge light={p.assessment.light} />
        <span>{statusLabel[p.assessment.status]}</span>
        <span>自 {p.assessment.lightSince} 起为{lightLabel[p.assessment.light]}</span>
        {p.category && <span className="tag">{categoryLabel[p.category] ?? p.category}</span>}
        {can(session, "Supervise") && <Link className="button" to={`/supervision?project=${encodeURIComponent(p.id)}`}>下发督办</Link>}
        {can(session, "FileReports") && <Link className="button primary" to={`/projects/${encodeURIComponent(p.id)}/report?period=${toFile}`}>填报{formatPeriod(toFile)}月报</Link>}
      </div>
      {p.state === "CLOSED_OUT" && <p className="notice">已销号：{p.closureNote}（{p.closedOutBy}，{p.closedOutAt?.slice(0, 10)}）</p>}
      {p.state !== "ACTIVE" && p.state !== "CLOSED_OUT" && <p className="notice">项目状态：{p.state === "SUSPENDED" ? "已暂停" : p.state === "CANCELLED" ? "已取消" : p.state}</p>}
      <div className="actions">
        {can(session, "EditPlans") && p.state !== "CLOSED_OUT" && <ChangeDecisionForm projectId={p.id} indicators={p.indicators} onDone={reload} />}
        {can(session, "Supervise") && p.state === "ACTIVE" && <CloseOutForm projectId={p.id} onDone={reload} />}
      </div>
      {p.assessment.reasons.length > 0 && (
        <ul className="reasons">
          {p.assessment.reasons.map((r) => <li key={r.code} className={r.light.toLowerCase()}>{r.message}</li>)}
        </ul>
      )}
      <dl className="facts">
        <dt>建设内容</dt><dd>{p.content ?? "—"}</dd>
        <dt>牵头单位</dt><dd>{p.leadUnits.map((u) => u.name).join("、") || "—"}</dd>
        <dt>配合单位</dt><dd>{p.coUnits.map((u) => u.name).join("、") || "—"}</dd>
        <dt>完成时限</dt><dd>{p.deadline?.text ?? "—"}</dd>
        <dt>计划投资</dt><dd>{p.investmentText ?? "—"}</dd>
        <dt>时间进度</dt><dd>{p.assessment.elapsedPercent}%</dd>
      </dl>

      <h2>目标任务</h2>
      {p.indicators.length === 0 ? <Empty>本项目没有量化目标。</Empty> : (
        <ul className="targets">
          {p.indicators.map((i) => {
            const actual = latestActual(p.reports, i.id);
            const percent = actual === null || Number(i.targetValue) === 0 ? null : Math.round((actual / Number(i.targetValue)) * 100);
            return (
              <li key={i.id}>
                <span className="label">{i.label}：目标 {formatNumber(i.targetValue)}{i.unit}，已完成 {formatNumber(actual)}{actual === null ? "" : i.unit}</span>
                <ProgressBar percent={percent} label={`${i.label}完成进度`} />
              </li>
            );
          })}
        </ul>
      )}

      <h2>节点安排</h2>
      {p.milestones.length === 0 ? <Empty>没有节点安排。</Empty> : (
        <ol className="timeline">
          {p.milestones.map((m) => (
            <li key={m.id} className={m.state.toLowerCase()}>
              <span className="when">{m.due.text}</span>
              <span className="what">{m.text}</span>
              <span className="state-tag">{milestoneStateLabel[m.state]}{m.achievedOn ? `（${m.achievedOn}）` : ""}</span>
            </li>
          ))}
        </ol>
      )}

      <h2>月报</h2>
      {p.reports.length === 0 ? <Empty>还没有月报。</Empty> : (
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">月份</th><th scope="col">状态</th><th scope="col">报送</th><th scope="col">审签</th><th scope="col">进展</th></tr></thead>
            <tbody>
              {p.reports.map((r) => (
                <tr key={r.id}>
                  <td>{can(session, "FileReports") && (r.status === "DRAFT" || r.status === "RETURNED")
                    ? <Link to={`/projects/${encodeURIComponent(p.id)}/report?period=${r.period}`}>{formatPeriod(r.period)}</Link>
                    : formatPeriod(r.period)}</td>
                  <td>{reportStatusLabel[r.status]}{r.returnReason ? `：${r.returnReason}` : ""}</td>
                  <td>{r.submittedBy ?? "—"} {r.submittedAt ? formatTime(r.submittedAt) : ""}</td>
                  <td>{r.approvedBy ?? "—"}{r.acceptedBy ? ` / ${r.acceptedBy}` : ""}</td>
                  <td className="text">{r.progress ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <ChangeHistory decisions={p.changeDecisions} />

      <h2>信号灯记录</h2>
      {p.lightHistory.length === 0 ? <Empty>每日巡查尚未记录本项目的信号灯。</Empty> : (
        <ol className="light-history">
          {p.lightHistory.map((l) => (
            <li key={l.recordedFor}><LightBadge light={l.light} /> {l.since} 起 · {statusLabel[l.status]}{l.escalated ? " · 已升级" : ""}</li>
          ))}
        </ol>
      )}
    </article>
  );
}
