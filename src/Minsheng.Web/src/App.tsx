import { lazy, Suspense, useContext, useEffect, useState, type ReactNode } from "react";
import { SignInRequired } from "./lib/api";
import { beginSignIn, completeSignIn, currentTokens, signOut } from "./lib/auth";
import { Link, match, navigate, useLocation } from "./lib/router";
import { can, MeDocument, SessionContext, type Session } from "./lib/session";
import { ErrorBox, Loading } from "./lib/ui";
import { useQuery } from "./lib/useQuery";
import { ProjectsPage } from "./pages/ProjectsPage";
import { ProjectPage } from "./pages/ProjectPage";
import { ReportFormPage } from "./pages/ReportFormPage";
import { ReviewPage } from "./pages/ReviewPage";
import { PublicPage } from "./pages/PublicPage";
import { BulletinsPage } from "./pages/BulletinsPage";
import { ImportPage } from "./pages/ImportPage";
import { SupervisionPage } from "./pages/SupervisionPage";
import { AdminPage } from "./pages/AdminPage";
import { BoardPage } from "./pages/BoardPage";
import { PlansPage } from "./pages/PlansPage";

// The dashboard carries ECharts: loaded only when it is opened.
const DashboardPage = lazy(() => import("./pages/DashboardPage"));
// So does the analysts' roll-up.
const RegionPage = lazy(() => import("./pages/RegionPage"));

export function App() {
  const { path, search } = useLocation();
  const publicPage = match("/public/:regionCode", path);
  if (publicPage) return <PublicPage regionCode={publicPage.regionCode} />;
  if (path === "/callback") return <Callback search={search} />;
  if (!currentTokens()) return <SignIn />;
  return <SignedIn path={path} search={search} />;
}

function SignIn() {
  const returnTo = location.pathname + location.search;
  return (
    <main className="signin">
      <h1>民生实事管理平台</h1>
      <p>县（市、区）民生实事项目的计划、调度、督查与公开。</p>
      <button type="button" className="primary" onClick={() => beginSignIn(returnTo === "/signin" ? "/" : returnTo)}>
        登录
      </button>
      <p className="hint">公众查看各地公开的民生实事无需登录：/public/行政区划代码</p>
    </main>
  );
}

function Callback({ search }: { search: URLSearchParams }) {
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    completeSignIn(search.toString()).then((to) => navigate(to, true), setError);
    // The code is good once: the callback runs exactly once per visit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return error ? (
    <main className="signin">
      <ErrorBox error={error} />
      <button type="button" onClick={() => beginSignIn("/")}>重新登录</button>
    </main>
  ) : (
    <Loading what="正在登录" />
  );
}

function SignedIn({ path, search }: { path: string; search: URLSearchParams }) {
  const me = useQuery(MeDocument);
  if (me.error instanceof SignInRequired) return <SignIn />;
  if (me.error) return <ErrorBox error={me.error} retry={me.reload} />;
  if (!me.data) return <Loading />;
  const session: Session = {
    actorId: me.data.me.actorId,
    tenant: me.data.me.tenant ?? null,
    tenantName: me.data.tenant?.name ?? null,
    regionCode: me.data.me.regionCode ?? null,
    permissions: me.data.me.permissions,
    enabledPlugins: me.data.tenant?.enabledPlugins ?? [],
  };
  return (
    <SessionContext.Provider value={session}>
      <Shell path={path}>
        {/* The pages with charts are loaded when first opened. */}
        <Suspense fallback={<Loading what="加载中" />}>
          <Route path={path} search={search} session={session} />
        </Suspense>
      </Shell>
    </SessionContext.Provider>
  );
}

function Shell({ path, children }: { path: string; children: ReactNode }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const session = useContext(SessionContext);
  const items: [string, string, boolean][] = [
    ["/", "工作台", !!session?.tenant],
    ["/region", "区域汇总", !!session?.regionCode && !session?.tenant],
    ["/plans", "计划", !!session?.tenant],
    ["/projects", "项目", !!session?.tenant],
    ["/board", "挂图作战", !!session?.tenant],
    ["/review", "审核", !!session && (can(session, "SignOffReports") || can(session, "ReviewReports"))],
    ["/supervision", "督办", !!session && (can(session, "Supervise") || can(session, "AnswerNotices"))],
    ["/bulletins", "通报", !!session && can(session, "Supervise")],
    ["/import", "导入", !!session && can(session, "EditPlans")],
    ["/admin", "系统管理", !!session && (can(session, "ManageUsers") || can(session, "ConfigureTenant") || can(session, "ManageClients"))],
  ];
  return (
    <div className="shell">
      <header className="topbar">
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="nav" onClick={() => setMenuOpen(!menuOpen)}>
          菜单
        </button>
        <span className="brand">民生实事管理平台</span>
        <span className="who">
          {session?.tenantName ?? session?.regionCode ?? ""} · {session?.actorId}
        </span>
        <button type="button" className="link" onClick={signOut}>
          退出
        </button>
      </header>
      <nav id="nav" className={menuOpen ? "open" : ""} aria-label="主导航">
        {items
          .filter(([, , shown]) => shown)
          .map(([to, label]) => (
            <Link key={to} to={to} className={(to === "/" ? path === "/" : path.startsWith(to)) ? "active" : ""} onClick={() => setMenuOpen(false)}>
              {label}
            </Link>
          ))}
        {session?.tenant && <Link to={`/public/${session.tenant}`}>公开页面</Link>}
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}

function Route({ path, search, session }: { path: string; search: URLSearchParams; session: Session }) {
  let m: Record<string, string> | null;
  // An analyst has no county of its own: its start page is the region's roll-up.
  if (path === "/" && !session.tenant && session.regionCode) return <RegionPage code={null} year={null} />;
  if (path === "/") return <DashboardPage />;
  if (path === "/region") {
    const year = Number(search.get("year"));
    return <RegionPage code={search.get("code")} year={Number.isInteger(year) && year > 2000 ? year : null} />;
  }
  if (path === "/projects") return <ProjectsPage search={search} />;
  if ((m = match("/projects/:id/report", path))) return <ReportFormPage projectId={m.id} period={search.get("period")} />;
  if ((m = match("/projects/:id", path))) return <ProjectPage id={m.id} />;
  if (path === "/review") return <ReviewPage session={session} />;
  if (path === "/bulletins") return <BulletinsPage />;
  if (path === "/supervision") return <SupervisionPage session={session} projectId={search.get("project")} />;
  if (path === "/import") return <ImportPage />;
  if (path === "/board") return <BoardPage />;
  if (path === "/plans") return <PlansPage />;
  if (path === "/admin") return <AdminPage session={session} />;
  return (
    <div className="state empty">
      页面不存在。<Link to="/">回到工作台</Link>
    </div>
  );
}
