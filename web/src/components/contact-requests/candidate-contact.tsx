import { useState } from 'react';
import { ContactRequestForm } from './contact-request-form';
import { ContactStatus } from './contact-status';
import { latestByTalent, useContactRequests } from './use-contact-requests';

/** A candidate's 请求联系 action, or the status of the request already made for it. */
export function CandidateContact({ talentId }: { talentId: string }) {
  const [open, setOpen] = useState(false);
  const { query } = useContactRequests();
  const existing = query.data ? latestByTalent(query.data.items).get(talentId) : undefined;
  if (open) return <ContactRequestForm talentId={talentId} onDone={() => setOpen(false)} />;
  return (
    <div className="candidate__contact" data-testid="candidate-contact">
      {existing && (
        <span className="candidate__contact-status">
          联系请求 <ContactStatus status={existing.status} />
        </span>
      )}
      {(!existing || existing.status !== 'pending') && (
        <button type="button" className="button button--small" onClick={() => setOpen(true)} data-testid="request-contact">
          请求联系
        </button>
      )}
    </div>
  );
}
