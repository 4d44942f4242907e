// The Henan plugin's part of the import wizard, typed against the plugin's composed schema (its own codegen output):
// how each project of a document was categorized (省定/市定/本级 and the provincial task it carries out), for a person to
// check; what the person confirms then counts in the province's and city's roll-ups (confirmCategorizations).
import { graphql } from "./gql";
import { request } from "../../lib/api";

export const PluginId = "henan";

const PlanCategorizationsDocument = graphql(`
  query HenanPlanCategorizations($id: ID!) {
    plan(id: $id) { projects { id sequence parent { id } categorization { task { key } targets { aggregationKey } } } }
  }
`);

const DraftDocument = graphql(`
  mutation HenanImportPreview($input: ImportPlanInput!) {
    importPlan(input: $input) {
      categorizations { sequence name level basis task { key name } matchedWords doubtful explanation targets { label aggregationKey unit } }
    }
  }
`);

const ConfirmDocument = graphql(`
  mutation HenanConfirmCategorizations($ids: [ID!]) { confirmCategorizations(input: { projectIds: $ids }) { id } }
`);

/** Only a project matched to a task with at least one matching target has anything to count (the server refuses the rest). */
const countable = (c: { task?: unknown; targets: unknown[] } | null | undefined) => !!c?.task && c.targets.length > 0;

export const levelLabel: Record<string, string> = { PROVINCIAL: "省定", MUNICIPAL: "市定", LOCAL: "本级" };

/** The sequences a person is offered ticked: the plugin's confident matches that have targets to count. */
export const confidentSequences = (items: DraftCategorization[]) => items.filter((c) => countable(c) && !c.doubtful).map((c) => c.sequence);

export interface DraftCategorization {
  sequence: string;
  name: string;
  level: string;
  task?: { key: string; name: string } | null;
  doubtful: boolean;
  explanation: string;
  targets: { label: string; aggregationKey: string; unit: string }[];
}

/** The document read again without writing, for its categorizations (the core preview does not know the plugin's fields). */
export async function draftCategorizations(fileName: string, contentBase64: string): Promise<DraftCategorization[]> {
  return (await request(DraftDocument, { input: { fileName, contentBase64, dryRun: true } })).importPlan.categorizations;
}

/** After the commit: the checked projects (by their sequence in the document) confirmed, so that their targets count. */
export async function confirm(planId: string, sequences: string[]): Promise<number> {
  if (sequences.length === 0) return 0;
  const plan = (await request(PlanCategorizationsDocument, { id: planId })).plan;
  const ids = (plan?.projects ?? []).filter((p) => !p.parent && sequences.includes(p.sequence) && countable(p.categorization)).map((p) => p.id);
  if (ids.length === 0) return 0;
  return (await request(ConfirmDocument, { ids })).confirmCategorizations.length;
}

/** The review table: each project's level and task with the plugin's explanation; doubtful ones are left for the person to tick. */
export function CategorizationReview({ items, checked, onChange }: { items: DraftCategorization[]; checked: string[]; onChange: (sequences: string[]) => void }) {
  return (
    <div className="categorizations">
      <h3>分类核对（河南省任务目录）</h3>
      <p className="meta">勾选确认无误的项目：确认后，其目标计入省、市按任务汇总；未勾选的不计入，可在项目页再确认。</p>
      <div className="table-wrap">
        <table className="categorizations">
          <thead><tr><th scope="col">确认</th><th scope="col">序号</th><th scope="col">项目</th><th scope="col">层级</th><th scope="col">对应任务</th><th scope="col">计入目标</th><th scope="col">依据</th></tr></thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.sequence} className={c.doubtful ? "doubtful" : ""}>
                <td>
                  {countable(c) ? (
                    <input type="checkbox" aria-label={`确认 ${c.sequence}. ${c.name}`} checked={checked.includes(c.sequence)}
                      onChange={(e) => onChange(e.target.checked ? [...checked, c.sequence] : checked.filter((s) => s !== c.sequence))} />
                  ) : "—"}
                </td>
                <td>{c.sequence}</td>
                <td>{c.name}</td>
                <td>{levelLabel[c.level] ?? c.level}</td>
                <td>{c.task?.name ?? "—"}</td>
                <td>{c.targets.map((t) => `${t.label}（${t.unit}）`).join("、") || "—"}</td>
                <td>{c.doubtful ? <strong>请核对：</strong> : null}{c.explanation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
