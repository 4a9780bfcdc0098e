import { useEffect, useRef, useState } from 'preact/hooks';
import type { Channel, ProblemStatus } from '@/lib/model/enums';
import type { OwnerAction, OwnerActionReply } from '@/lib/messaging/protocol';
import { statusStepsFrom } from '@/lib/owners/run';
import { t } from '@/lib/i18n';
import { refusalText } from './text';

const CHANNELS: Channel[] = ['email', 'phone', 'chat', 'visit', 'other'];

export interface ProblemActionsProps {
  problemId: string;
  status: ProblemStatus;
  /** I own it or cover it: I may work it. Anyone else is offered to cover first. */
  participant: boolean;
  act: (action: OwnerAction) => Promise<OwnerActionReply>;
  /** Unique within the page or shadow root, for the form controls' ids. */
  idPrefix: string;
  /** Who at the customer the rep is most likely talking to: prefills "Customer confirmed on this call". */
  contactName?: string;
}

/**
 * One click to add an update, move the status on, mark resolved or record the customer's
 * confirmation; and "Customer confirmed on this call" from any open status, which closes the
 * problem once the prefilled name is confirmed (lib/owners records the steps it takes). "Mark
 * resolved" stays offered until the problem is resolved, so a premature click is answered with
 * the lifecycle's reason rather than a button that silently is not there.
 */
export function ProblemActions({ problemId, status, participant, act, idPrefix, contactName }: ProblemActionsProps) {
  const [form, setForm] = useState<null | 'update' | 'confirm' | 'onCall'>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const id = (s: string) => `${idPrefix}-${problemId}-${s}`;

  async function run(action: OwnerAction): Promise<boolean> {
    setBusy(true);
    setRefusal(null);
    try {
      const r = await act(action);
      if (!r.ok) {
        setRefusal(refusalText(r));
        return false;
      }
      setForm(null);
      return true;
    } catch (err) {
      setRefusal(err instanceof Error ? err.message : String(err));
      return false;
    } finally {
      setBusy(false);
    }
  }

  const escape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      setForm(null);
    }
  };

  if (status === 'closed') return null;
  const steps = statusStepsFrom(status).filter((s) => s !== 'markResolved');

  return (
    <div class="owner-actions">
      {participant ? (
        <div class="owner-buttons">
          <button type="button" data-act="confirmOnCall" class="primary" disabled={busy} aria-expanded={form === 'onCall'} onClick={() => setForm(form === 'onCall' ? null : 'onCall')}>
            {t('owner_confirmOnCall')}
          </button>
          <button type="button" data-act="addUpdate" disabled={busy} aria-expanded={form === 'update'} onClick={() => setForm(form === 'update' ? null : 'update')}>
            {t('owner_addUpdate')}
          </button>
          {steps.map((s) => (
            <button type="button" data-act={s} disabled={busy} onClick={() => void run({ type: s })}>
              {t(`owner_step_${s}`)}
            </button>
          ))}
          {status === 'resolved_awaiting_confirmation' ? (
            <button type="button" data-act="recordConfirmation" disabled={busy} aria-expanded={form === 'confirm'} onClick={() => setForm(form === 'confirm' ? null : 'confirm')}>
              {t('owner_recordConfirmation')}
            </button>
          ) : (
            <button type="button" data-act="markResolved" disabled={busy} onClick={() => void run({ type: 'markResolved' })}>
              {t('owner_step_markResolved')}
            </button>
          )}
        </div>
      ) : (
        <div class="owner-buttons">
          <button type="button" data-act="coverMe" disabled={busy} onClick={() => void run({ type: 'coverMe' })}>
            {t('owner_coverMe')}
          </button>
        </div>
      )}
      {form === 'update' && <UpdateForm id={id} busy={busy} onKeyDown={escape} onSave={(text) => run({ type: 'addUpdate', text })} onCancel={() => setForm(null)} />}
      {form === 'onCall' && (
        <OnCallForm id={id} busy={busy} initial={contactName ?? ''} onKeyDown={escape} onSave={(by) => run({ type: 'confirmOnCall', by })} onCancel={() => setForm(null)} />
      )}
      {form === 'confirm' && <ConfirmForm id={id} busy={busy} onKeyDown={escape} onSave={(c) => run({ type: 'recordConfirmation', ...c })} onCancel={() => setForm(null)} />}
      {refusal && (
        <p class="error refusal" role="alert">
          {refusal}
        </p>
      )}
    </div>
  );
}

interface FormProps<T> {
  id: (s: string) => string;
  busy: boolean;
  onKeyDown: (e: KeyboardEvent) => void;
  onSave: (value: T) => Promise<boolean>;
  onCancel: () => void;
}

function UpdateForm({ id, busy, onKeyDown, onSave, onCancel }: FormProps<string>) {
  const [text, setText] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    void onSave(text);
  };
  return (
    <form class="owner-form" onSubmit={submit} onKeyDown={onKeyDown}>
      <label for={id('update')}>{t('owner_updateLabel')}</label>
      <textarea
        id={id('update')}
        rows={2}
        value={text}
        autoFocus
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Enter saves, Shift+Enter is a new line; an IME composition's Enter is the IME's.
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) submit(e);
        }}
      />
      <SaveCancel act="saveUpdate" busy={busy} onCancel={onCancel} />
    </form>
  );
}

/**
 * "Customer confirmed on this call": one field, the person on the call, prefilled and selected
 * so that Enter (or "Close problem") confirms it and typing replaces it.
 */
function OnCallForm({ id, busy, initial, onKeyDown, onSave, onCancel }: FormProps<string> & { initial: string }) {
  const [by, setBy] = useState(initial);
  const [missing, setMissing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // Focus and select by hand: `autofocus` is honoured only when a document loads.
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const submit = (e: Event) => {
    e.preventDefault();
    if (!by.trim()) {
      setMissing(true);
      return;
    }
    void onSave(by);
  };
  return (
    <form class="owner-form" onSubmit={submit} onKeyDown={onKeyDown} aria-label={t('owner_confirmOnCall')}>
      <label for={id('oncall-by')}>{t('owner_confirmOnCallBy')}</label>
      <input
        id={id('oncall-by')}
        data-field="oncall-by"
        value={by}
        maxLength={200}
        ref={input}
        aria-describedby={id('oncall-hint')}
        onInput={(e) => {
          setBy(e.currentTarget.value);
          setMissing(false);
        }}
      />
      <p class="owner-hint" id={id('oncall-hint')}>
        {t('owner_confirmOnCallHint')}
      </p>
      {missing && (
        <p class="error" role="alert">
          {t('owner_refused_no_confirmer')}
        </p>
      )}
      <div class="owner-buttons">
        <button type="submit" class="primary" data-act="saveConfirmOnCall" disabled={busy}>
          {t('owner_confirmOnCallSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('owner_cancel')}
        </button>
      </div>
    </form>
  );
}

type ConfirmValue = { by: string; how: Channel; satisfied: boolean; comment?: string };

function ConfirmForm({ id, busy, onKeyDown, onSave, onCancel }: FormProps<ConfirmValue>) {
  const [by, setBy] = useState('');
  const [how, setHow] = useState<Channel>('phone');
  const [satisfied, setSatisfied] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: Event) => {
    e.preventDefault();
    if (!by.trim() || satisfied === null) {
      setMissing(true);
      return;
    }
    void onSave({ by, how, satisfied, ...(comment.trim() ? { comment } : {}) });
  };
  return (
    <form class="owner-form" onSubmit={submit} onKeyDown={onKeyDown} aria-label={t('owner_recordConfirmation')}>
      <label for={id('by')}>{t('owner_confirmBy')}</label>
      <input id={id('by')} data-field="by" value={by} maxLength={200} autoFocus onInput={(e) => setBy(e.currentTarget.value)} />
      <label for={id('how')}>{t('owner_confirmHow')}</label>
      <select id={id('how')} data-field="how" value={how} onChange={(e) => setHow(e.currentTarget.value as Channel)}>
        {CHANNELS.map((c) => (
          <option value={c}>{t(`channel_${c}`)}</option>
        ))}
      </select>
      <fieldset>
        <legend>{t('owner_confirmSatisfied')}</legend>
        <label>
          <input type="radio" name={id('sat')} data-field="satisfied-yes" checked={satisfied === true} onChange={() => setSatisfied(true)} /> {t('owner_yesSolved')}
        </label>
        <label>
          <input type="radio" name={id('sat')} data-field="satisfied-no" checked={satisfied === false} onChange={() => setSatisfied(false)} /> {t('owner_notSolved')}
        </label>
      </fieldset>
      <label for={id('comment')}>{t('owner_confirmComment')}</label>
      <textarea id={id('comment')} data-field="comment" rows={2} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      {missing && (
        <p class="error" role="alert">
          {t('owner_confirmMissing')}
        </p>
      )}
      <SaveCancel act="saveConfirmation" busy={busy} onCancel={onCancel} />
    </form>
  );
}

/** The two buttons every small form here ends with. */
function SaveCancel({ act, busy, onCancel }: { act: string; busy: boolean; onCancel: () => void }) {
  return (
    <div class="owner-buttons">
      <button type="submit" class="primary" data-act={act} disabled={busy}>
        {t('owner_save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('owner_cancel')}
      </button>
    </div>
  );
}
