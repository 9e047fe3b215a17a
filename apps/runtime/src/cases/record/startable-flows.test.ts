import { describe, expect, it } from 'vitest';
import { loanCase, loanFlow } from '../../testing/approvals.js';
import { startableFlows } from './startable-flows.js';

describe('startableFlows', () => {
  it('offers a flow the reader may start while the record has no running case of it', () => {
    expect(startableFlows([loanFlow], [])).toEqual([loanFlow]);
    expect(startableFlows([loanFlow], [loanCase({ status: 'withdrawn' }), loanCase({ status: 'completed', outcome: 'rejected' })])).toEqual([loanFlow]);
  });

  it('offers none the reader may not start, nor one already running on the record', () => {
    expect(startableFlows([{ ...loanFlow, canStart: false }], [])).toEqual([]);
    expect(startableFlows([loanFlow], [loanCase()])).toEqual([]);
    const other = { ...loanFlow, key: 'limit_review' };
    expect(startableFlows([loanFlow, other], [loanCase()])).toEqual([other]);
  });

  it('offers none that already approved the record', () => {
    expect(startableFlows([loanFlow], [loanCase({ status: 'completed', outcome: 'approved' })])).toEqual([]);
  });
});
