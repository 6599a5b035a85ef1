/**
 * "Træk forslaget tilbage" (or "Send ikke videre" for a citizen's interest): a reason the citizen will read,
 * behind a disclosure so that it is one deliberate step. Works without JavaScript; after a refused try the
 * disclosure is open again with the message at the field and the reason kept.
 */
import { Form } from '@remix-run/react';
import type { WithdrawalProblem } from '../domain/proposal-rules';
import { Alert } from './matching';
import { TextArea } from './text-area';

export function WithdrawProposalForm({
  proposalId,
  label,
  hint = 'Borgeren kan læse begrundelsen. Virksomheden ser kun, at forslaget er trukket tilbage.',
  problem,
}: {
  proposalId: string;
  /** The button and the disclosure, e.g. "Træk forslaget tilbage". */
  label: string;
  /** Who will read the reason. */
  hint?: string;
  problem: WithdrawalProblem | null | undefined;
}) {
  const mine = problem?.proposalId === proposalId ? problem : null;
  return (
    <details className="details mt-3" open={mine !== null}>
      <summary className="details-summary">{label}</summary>
      <div className="details-text">
        {mine?.stateError ? <Alert kind="error">{mine.stateError}</Alert> : null}
        <Form method="post">
          <input type="hidden" name="intent" value="withdraw" />
          <input type="hidden" name="proposalId" value={proposalId} />
          <TextArea
            name="reason"
            id={`withdraw-reason-${proposalId}`}
            label="Begrundelse"
            hint={hint}
            defaultValue={mine?.reason}
            error={mine?.error ?? undefined}
            rows={3}
          />
          <button type="submit" className="button button-secondary">
            {label}
          </button>
        </Form>
      </div>
    </details>
  );
}
