// How the console says the API's codes in Chinese.
export const lightLabel: Record<string, string> = { GREEN: "绿灯", YELLOW: "黄灯", RED: "红灯" };

export const statusLabel: Record<string, string> = {
  NOT_STARTED: "未开工",
  ON_TRACK: "正常推进",
  AT_RISK: "存在风险",
  LAGGING: "进度滞后",
  COMPLETED: "已完成",
  EXCEEDED: "超额完成",
  SUSPENDED: "已暂停",
  CANCELLED: "已取消",
};

export const reportStatusLabel: Record<string, string> = {
  DRAFT: "草稿",
  SUBMITTED: "已报送，待单位负责人审签",
  APPROVED: "单位已审签，待督查室审核",
  ACCEPTED: "督查室已审核通过",
  RETURNED: "已退回",
};

export const milestoneStateLabel: Record<string, string> = { PENDING: "未到期", ACHIEVED: "已完成", ACHIEVED_LATE: "逾期完成", MISSED: "未按期完成" };

export const bulletinKindLabel: Record<string, string> = { MONTHLY: "月度通报", QUARTERLY: "季度报告", YEAR_END: "年度完成情况" };

export const categoryLabel: Record<string, string> = { provincial: "省定", municipal: "市定", local: "本级" };

export const errorCodeLabel: Record<string, string> = {
  FORBIDDEN: "没有权限",
  NOT_FOUND: "未找到",
  BAD_USER_INPUT: "输入有误",
  CONFLICT: "操作冲突",
  NETWORK: "网络错误",
  UNAUTHENTICATED: "需要登录",
};

export const formatNumber = (v: string | number | null | undefined): string =>
  v === null || v === undefined || v === "" ? "—" : Number(v).toLocaleString("zh-CN", { maximumFractionDigits: 2 });

/** "2024-05" → "2024年5月" */
export const formatPeriod = (p: string): string => {
  const [y, m] = p.split("-");
  return `${y}年${Number(m)}月`;
};

export const formatTime = (t: string | null | undefined): string => (t ? new Date(t).toLocaleString("zh-CN", { hour12: false }) : "—");
