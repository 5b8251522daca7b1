import { useState } from 'react';
import { IMPORT_KIND_NAMES } from '@talentmap/core';
import { useLoginDialog } from '../auth/auth-context';
import { useSession } from '../auth/use-session';
import { ImportHistory } from './import-history';
import { ImportJobStatus } from './import-job-status';
import { ImportUpload } from './import-upload';
import { useImportAccess } from './use-imports';

/**
 * 数据导入: an admin imports any kind, an enterprise its own vacancies, an institution its own
 * programs. Upload, then follow the job until it ends; past imports below.
 */
export function ImportsPage() {
  const { kinds, allowed, known, user } = useImportAccess();
  const [current, setCurrent] = useState<number | null>(null);
  return (
    <main className="page imports-page" aria-labelledby="imports-title" data-testid="imports">
      <h2 id="imports-title" className="page__title">
        数据导入
      </h2>
      <p className="hint">
        从 Excel 或 CSV 文件批量导入{allowed ? kinds.map((k) => IMPORT_KIND_NAMES[k]).join('、') : '数据'}
        。先下载模板按表头填写（第 1 行为表头，第 2 行起为数据）；上传后在后台校验并写入，进度与结果显示在下方。
      </p>
      {known && !allowed && <ImportersOnly />}
      {allowed && (
        // one page per account: switching accounts starts afresh
        <div key={user} className="imports-page__body">
          <ImportUpload kinds={kinds} onStarted={setCurrent} />
          {current !== null && <ImportJobStatus id={current} onFollow={setCurrent} />}
          <ImportHistory current={current} onShow={setCurrent} />
        </div>
      )}
    </main>
  );
}

function ImportersOnly() {
  const { me } = useSession();
  const openLogin = useLoginDialog();
  return (
    <section className="login-prompt" data-testid="login-prompt">
      <h3 className="login-prompt__title">{me ? '当前账号不能导入数据' : '请登录（管理员、企业或院校账号）'}</h3>
      <p className="login-prompt__text">管理员可导入各类数据；企业账号可导入本企业的岗位需求，院校账号可导入本院校的培训项目。</p>
      <button type="button" className="button button--primary" onClick={() => openLogin()} data-testid="login-prompt-button">
        {me ? '切换账号' : '登录'}
      </button>
    </section>
  );
}
