import { useState } from "react";
import { graphql } from "../gql";
import { request } from "../lib/api";
import { formatTime, statusLabel } from "../lib/labels";
import { Link, navigate } from "../lib/router";
import { can, type Session } from "../lib/session";
import { Empty, ErrorBox, LightBadge, Loading } from "../lib/ui";
import { useAction } from "../lib/useAction";
import { useQuery } from "../lib/useQuery";

const SupervisionDocument = graphql(`
  query Supervision($candidates: Boolean!) {
    supervisionNotices {
      id number level status problem requirement rectifyBy overdue issuedBy issuedAt acknowledgedBy measures repliedBy reviewComment reviewedBy
      project { id sequence name leadUnit { name } }
    }
    supervisionCandidates @include(if: $candidates) {
      project { id sequence name leadUnit { name } }
      assessment { light lightSince status reasons { message } }
    }
  }
`);

const ChosenProjectDocument = graphql(`
  query SupervisionChosenProject($id: ID!) {
    project(id: $id) { id sequence name leadUnit { name } assessment { light lightSince status reasons { message } } }
  }
`);

const IssueDocument = graphql(`
  mutation IssueNotice($input: IssueSupervisionNoticeInput!) { issueSupervisionNotice(input: $input) { id number } }
`);
const AcknowledgeDocument = graphql(`mutation AcknowledgeNotice($id: ID!) { acknowledgeSupervisionNotice(input: { id: $id }) { id status } }`);
const ReplyDocument = graphql(`mutation ReplyNotice($id: ID!, $measures: String!) { replyToSupervisionNotice(input: { id: $id, measures: $measures }) { id status } }`);
const ReviewDocument = graphql(`
  mutation ReviewNotice($input: ReviewNoticeInput!) { reviewSupervisionNotice(input: $input) { id status } }
`);

const noticeStatusLabel: Record<string, string> = { ISSUED: "已下发，待签收", ACKNOWLEDGED: "已签收，待反馈", REPLIED: "已反馈，待复核", CLOSED: "已办结", ESCALATED: "已升级督办" };

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * 督办: the office issues a notice for a project the rules propose (red long enough), the lead unit signs for it (签收)
 * and replies with its measures (反馈), the office re-checks (复核) and closes it or escalates it with a new deadline.
 */
export function SupervisionPage({ session, projectId }: { session: Session; projectId: string | null }) {
  const office = can(session, "Supervise");
  const unit = can(session, "AnswerNotices");
  const data = useQuery(SupervisionDocument, { candidates: office });
  // A project the office chose itself (from its page), proposed by the rules or not.
  const chosen = useQuery(ChosenProjectDocument, { id: projectId ?? "" }, { skip: !office || !projectId });
  const { running, failure, run } = useAction(data.reload);
  const act = (key: string, action: () => Promise<unknown>) => run(action, key);
  const [text, setText] = useState<Record<string, string>>({});
  const [deadline, setDeadline] = useState<Record<string, string>>({});

  const field = (key: string, label: string, rows = 2) => (
    <label className="block">
      {label}
      <textarea rows={rows} value={text[key] ?? ""} onChange={(e) => setText({ ...text, [key]: e.target.value })} />
    </label>
  );

  if (data.error) return <ErrorBox error={data.error} retry={data.reload} />;
  if (!data.data) return <Loading what="加载督办" />;
  const open = data.data.supervisionNotices.filter((n) => n.status !== "CLOSED" && n.status !== "ESCALATED");
  const ended = data.data.supervisionNotices.filter((n) => n.status === "CLOSED" || n.status === "ESCALATED");

  return (
    <section className="supervision">
      <h1>督办</h1>
      {failure && <ErrorBox error={failure} />}
      {office && (
        <>
          {chosen.data?.project && (
            <>
              <h2>对所选项目下发督办</h2>
              <ul className="queue">
                <IssueForm project={chosen.data.project} assessment={chosen.data.project.assessment} onIssued={() => {
                  navigate("/supervision", true);
                  data.reload();
                }} />
              </ul>
            </>
          )}
          {chosen.error && <ErrorBox error={chosen.error} />}
          <h2>建议督办的项目</h2>
          {(data.data.supervisionCandidates ?? []).length === 0 ? <Empty>目前没有需要督办的项目。</Empty> : (
            <ul className="queue">
              {(data.data.supervisionCandidates ?? []).map(({ project, assessment }) => (
                <IssueForm key={project.id} project={project} assessment={assessment} onIssued={data.reload} />
              ))}
            </ul>
          )}
        </>
      )}
      <h2>办理中的督办</h2>
      {open.length === 0 ? <Empty>没有办理中的督办。</Empty> : (
        <ul className="queue">
          {open.map((n) => (
            <li key={n.id} className="card notice">
              <h3>{n.number} · <Link to={`/projects/${encodeURIComponent(n.project.id)}`}>{n.project.sequence}. {n.project.name}</Link></h3>
              <p className="meta">{noticeStatusLabel[n.status]}{n.level > 1 ? ` · 第${n.level}次督办` : ""} · 整改期限 {n.rectifyBy}{n.overdue ? "（已逾期）" : ""} · {n.project.leadUnit?.name}</p>
              <p><strong>存在问题：</strong>{n.problem}</p>
              <p><strong>整改要求：</strong>{n.requirement}</p>
              {n.acknowledgedBy && <p className="meta">签收：{n.acknowledgedBy}</p>}
              {n.measures && <p><strong>整改措施：</strong>{n.measures}（{n.repliedBy}）</p>}
              <div className="actions">
                {unit && n.status === "ISSUED" && (
                  <button type="button" className="primary" disabled={running === n.id} onClick={() => void act(n.id, () => request(AcknowledgeDocument, { id: n.id }))}>签收</button>
                )}
                {unit && n.status === "ACKNOWLEDGED" && (
                  <>
                    {field(`reply-${n.id}`, "整改措施及成效", 3)}
                    <button type="button" className="primary" disabled={running === n.id || !(text[`reply-${n.id}`] ?? "").trim()}
                      onClick={() => void act(n.id, () => request(ReplyDocument, { id: n.id, measures: text[`reply-${n.id}`]! }))}>反馈</button>
                  </>
                )}
                {office && n.status === "REPLIED" && (
                  <>
                    {field(`review-${n.id}`, "复核意见")}
                    <label className="inline">
                      升级后的整改期限
                      <input type="date" value={deadline[n.id] ?? inDays(10)} onChange={(e) => setDeadline({ ...deadline, [n.id]: e.target.value })} />
                    </label>
                    <button type="button" className="primary" disabled={running === n.id || !(text[`review-${n.id}`] ?? "").trim()}
                      onClick={() => void act(n.id, () => request(ReviewDocument, { input: { id: n.id, outcome: "CLOSE", comment: text[`review-${n.id}`]! } }))}>复核通过，办结</button>
                    <button type="button" disabled={running === n.id || !(text[`review-${n.id}`] ?? "").trim()}
                      onClick={() => void act(n.id, () => request(ReviewDocument, { input: { id: n.id, outcome: "ESCALATE", comment: text[`review-${n.id}`]!, rectifyBy: deadline[n.id] ?? inDays(10) } }))}>升级督办</button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {ended.length > 0 && (
        <>
          <h2>已办结</h2>
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">编号</th><th scope="col">项目</th><th scope="col">结果</th><th scope="col">复核意见</th></tr></thead>
              <tbody>{ended.map((n) => (
                <tr key={n.id}><td>{n.number}</td><td>{n.project.sequence}. {n.project.name}</td><td>{noticeStatusLabel[n.status]}</td><td>{n.reviewComment}（{n.reviewedBy}）</td></tr>
              ))}</tbody>
            </table>
          </div>
        </>
      )}
      <p className="meta">共 {data.data.supervisionNotices.length} 件督办；最近一件下发于 {formatTime(data.data.supervisionNotices.at(-1)?.issuedAt)}</p>
    </section>
  );
}

interface IssueTarget {
  project: { id: string; sequence: string; name: string; leadUnit?: { name: string } | null };
  assessment: { light: string; lightSince: string; status: string; reasons: { message: string }[] };
}

/** The office's notice for one project: the problem filled in from the light's reasons, the requirement and deadline its own. */
function IssueForm({ project, assessment, onIssued }: IssueTarget & { onIssued: () => void }) {
  const [problem, setProblem] = useState(assessment.reasons.map((r) => r.message).join("；"));
  const [requirement, setRequirement] = useState("");
  const [rectifyBy, setRectifyBy] = useState(inDays(15));
  const { busy, failure, run } = useAction(onIssued);
  const id = project.id.replace(/[^A-Za-z0-9]/g, "");
  const issue = () => run(() => request(IssueDocument, { input: { projectId: project.id, problem, requirement, rectifyBy } }));
  return (
    <li className="card candidate">
      <h3><Link to={`/projects/${encodeURIComponent(project.id)}`}>{project.sequence}. {project.name}</Link></h3>
      <p className="meta"><LightBadge light={assessment.light} /> 自 {assessment.lightSince} 起 · {statusLabel[assessment.status]} · {project.leadUnit?.name}</p>
      <label className="block" htmlFor={`problem-${id}`}>存在问题</label>
      <textarea id={`problem-${id}`} rows={2} value={problem} onChange={(e) => setProblem(e.target.value)} />
      <label className="block" htmlFor={`requirement-${id}`}>整改要求</label>
      <textarea id={`requirement-${id}`} rows={2} value={requirement} onChange={(e) => setRequirement(e.target.value)} />
      <label className="inline">
        整改期限
        <input type="date" value={rectifyBy} onChange={(e) => setRectifyBy(e.target.value)} />
      </label>
      {failure && <ErrorBox error={failure} />}
      <div className="actions">
        <button type="button" className="primary" disabled={busy || !problem.trim() || !requirement.trim()} onClick={() => void issue()}>下发督办</button>
      </div>
    </li>
  );
}
