import { useState } from "react";
import { graphql } from "../gql";
import { request } from "../lib/api";
import { formatNumber, formatPeriod, formatTime } from "../lib/labels";
import { Link } from "../lib/router";
import { can, type Session } from "../lib/session";
import { Empty, ErrorBox, Loading } from "../lib/ui";
import { useAction } from "../lib/useAction";
import { useQuery } from "../lib/useQuery";

const ReviewQueueDocument = graphql(`
  query ReviewQueue($status: ReportStatus!) {
    reviewQueue(status: $status) {
      id period status submittedBy submittedAt approvedBy approvedAt progress problems
      actuals { indicator { label unit } value }
      project { id sequence name leadUnit { name } }
    }
  }
`);

const ApproveDocument = graphql(`mutation ApproveReport($id: ID!) { approveReport(input: { id: $id }) { id status } }`);
const AcceptDocument = graphql(`mutation AcceptReport($id: ID!) { acceptReport(input: { id: $id }) { id status } }`);
const ReturnDocument = graphql(`mutation ReturnReport($id: ID!, $reason: String!) { returnReport(input: { id: $id, reason: $reason }) { id status } }`);

/**
 * Review queues (every month waiting, oldest first): a unit head signs off (审签) what the clerks submitted; the supervision office accepts (审核) what the
 * units signed off. Either returns a report with a reason.
 */
export function ReviewPage({ session }: { session: Session }) {
  const head = can(session, "SignOffReports");
  const office = can(session, "ReviewReports");
  const waiting = office && !head ? "APPROVED" : "SUBMITTED";
  const [tab, setTab] = useState<"SUBMITTED" | "APPROVED">(waiting);
  const queue = useQuery(ReviewQueueDocument, { status: tab });
  const { running, failure, run } = useAction(queue.reload);
  const [reasons, setReasons] = useState<Record<string, string>>({});

  const act = (id: string, action: "approve" | "accept" | "return") =>
    run(() =>
      action === "approve" ? request(ApproveDocument, { id })
      : action === "accept" ? request(AcceptDocument, { id })
      : request(ReturnDocument, { id, reason: reasons[id] ?? "" }), id);

  const items = (queue.data?.reviewQueue ?? []).map((r) => ({ project: r.project, report: r }));
  return (
    <section>
      <h1>月报审核</h1>
      <div className="tabs" role="tablist">
        {head && <button type="button" role="tab" aria-selected={tab === "SUBMITTED"} onClick={() => setTab("SUBMITTED")}>待单位审签</button>}
        {office && <button type="button" role="tab" aria-selected={tab === "APPROVED"} onClick={() => setTab("APPROVED")}>待督查室审核</button>}
      </div>
      {failure && <ErrorBox error={failure} />}
      {queue.error ? <ErrorBox error={queue.error} retry={queue.reload} /> : !queue.data ? <Loading what="加载待审月报" /> : items.length === 0 ? (
        <Empty>没有待处理的月报。</Empty>
      ) : (
        <ul className="queue">
          {items.map(({ project, report }) => (
            <li key={report.id} className="card">
              <h2><Link to={`/projects/${encodeURIComponent(project.id)}`}>{project.sequence}. {project.name}</Link> · {formatPeriod(report.period)}</h2>
              <p className="meta">{project.leadUnit?.name} · {report.submittedBy} 报送于 {formatTime(report.submittedAt)}{report.approvedBy ? ` · ${report.approvedBy} 审签` : ""}</p>
              <p><strong>工作进展：</strong>{report.progress ?? "—"}</p>
              {report.problems && <p><strong>存在问题：</strong>{report.problems}</p>}
              {report.actuals.length > 0 && <p><strong>累计完成：</strong>{report.actuals.map((a) => `${a.indicator.label} ${formatNumber(a.value)}${a.indicator.unit}`).join("；")}</p>}
              <div className="actions">
                {tab === "SUBMITTED" && head && <button type="button" className="primary" disabled={running === report.id} onClick={() => void act(report.id, "approve")}>审签通过</button>}
                {tab === "APPROVED" && office && <button type="button" className="primary" disabled={running === report.id} onClick={() => void act(report.id, "accept")}>审核通过</button>}
                <label className="inline">
                  退回原因
                  <input value={reasons[report.id] ?? ""} onChange={(e) => setReasons({ ...reasons, [report.id]: e.target.value })} />
                </label>
                <button type="button" disabled={running === report.id || !(reasons[report.id] ?? "").trim()} onClick={() => void act(report.id, "return")}>退回</button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
