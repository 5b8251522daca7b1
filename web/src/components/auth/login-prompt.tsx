import { ROLE_LABEL } from '../../lib/access';
import { useLoginDialog } from './auth-context';
import { useSession } from './use-session';

const PROMPTS = {
  planner: {
    account: '规划者账号',
    short: '处理联系请求',
    what: '处理企业对本辖区人才的联系请求',
    accounts: '规划者账号',
    open: '未登录也可以查看短缺概览、紧缺目录和专栏1指标。',
  },
  enterprise: {
    account: '企业账号',
    short: '匹配人才',
    what: '匹配人才：查看排序后的候选人、得分构成和补齐技能的培训',
    accounts: '企业或规划者账号',
    open: '未登录也可以识别招聘文本、编辑技能要求；登录后结果会显示在这里和地图上。',
  },
  institution: {
    account: '院校账号',
    short: '查看吻合度分析',
    what: '查看本机构专业的产业吻合度与开课建议',
    accounts: '院校、规划者或管理员账号',
    open: '未登录也可以浏览院校列表和地图上的院校与实训基地。',
  },
} as const;

export interface LoginPromptProps {
  journey: keyof typeof PROMPTS;
}

/**
 * In place of a journey's results the viewer may not see: who may, and a login button. Signed
 * in with another role it says so and offers to switch accounts.
 */
export function LoginPrompt({ journey }: LoginPromptProps) {
  const { me } = useSession();
  const openLogin = useLoginDialog();
  const p = PROMPTS[journey];
  return (
    <section className="login-prompt" aria-labelledby={`login-prompt-${journey}`} data-testid="login-prompt">
      <h2 id={`login-prompt-${journey}`} className="login-prompt__title">
        {me ? `当前账号（${ROLE_LABEL[me.role]}）不能${p.short}` : `请登录（${p.account}）`}
      </h2>
      <p className="login-prompt__text">
        {me ? `请改用${p.accounts}登录。` : `登录后可以${p.what}。`}
        {p.open}
      </p>
      <button type="button" className="button button--primary" onClick={() => openLogin({ journey })} data-testid="login-prompt-button">
        {me ? '切换账号' : '登录'}
      </button>
    </section>
  );
}
