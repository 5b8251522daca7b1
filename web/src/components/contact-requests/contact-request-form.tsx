import { useId, useState, type FormEvent } from 'react';
import { shortPseudonym } from '../../lib/format';
import { useCreateContactRequest } from './use-contact-requests';

export interface ContactRequestFormProps {
  talentId: string;
  onDone: () => void;
}

/**
 * 请求联系: the enterprise's message to the public employment service, which passes it to the
 * talent; the enterprise learns only the request's status, never who the talent is.
 */
export function ContactRequestForm({ talentId, onDone }: ContactRequestFormProps) {
  const id = useId();
  const [message, setMessage] = useState('');
  const [purpose, setPurpose] = useState('');
  const create = useCreateContactRequest();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!message.trim()) return;
    create.mutate({ talentId, message: message.trim(), ...(purpose.trim() ? { purpose: purpose.trim() } : {}) }, { onSuccess: onDone });
  };
  return (
    <form className="contact-form" onSubmit={onSubmit} aria-label={`请求联系人才 ${shortPseudonym(talentId)}`} data-testid="contact-form">
      <p className="privacy-note">联系经由公共就业服务机构转介：请求发给人才所在地的就业服务机构，由其转告人才本人；企业不会看到人才的姓名、电话等身份信息。</p>
      <label className="field" htmlFor={`${id}-message`}>
        <span className="field__label">留言（岗位、待遇、联系方式）</span>
        <textarea
          id={`${id}-message`}
          className="input textarea"
          rows={3}
          maxLength={500}
          required
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          data-testid="contact-message"
        />
      </label>
      <label className="field" htmlFor={`${id}-purpose`}>
        <span className="field__label">用途（可选，记入审计日志）</span>
        <input
          id={`${id}-purpose`}
          className="input"
          maxLength={200}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          placeholder="如：招聘焊工"
          data-testid="contact-purpose"
        />
      </label>
      {create.isError && (
        <p className="error-line" role="alert">
          提交失败：{create.error.message}
        </p>
      )}
      <div className="contact-form__actions">
        <button type="submit" className="button button--primary button--small" disabled={create.isPending || !message.trim()} data-testid="contact-submit">
          {create.isPending ? '正在提交…' : '提交联系请求'}
        </button>
        <button type="button" className="button button--small button--ghost" onClick={onDone}>
          取消
        </button>
      </div>
    </form>
  );
}
