import type { Disclosure } from '@talentmap/core';
import { DISCLOSURE_LABEL } from '../lib/format';

/** How the counts of people in an aggregate were published (the API's `disclosure`). */
export function DisclosureNote({ disclosure }: { disclosure: Disclosure }) {
  return (
    <span className={`disclosure disclosure--${disclosure}`} data-disclosure={disclosure} data-testid="disclosure">
      {DISCLOSURE_LABEL[disclosure]}
    </span>
  );
}
