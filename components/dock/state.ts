import type { PageSubject } from '@/lib/model/page-subject';
import type { CoachAction, OwnerAction, OwnerActionReply, SubjectInfo, MessageDef, RequestOf, ResponseOf } from '@/lib/messaging/protocol';
import type { TaughtField } from '@/lib/model/teach';

/** The content script's `send`, as the panels may use it. */
export type Request = <D extends MessageDef>(def: D, data: RequestOf<D>) => Promise<ResponseOf<D>>;

/** What the dock knows about the page, as the content script tells the panels. */
export type DockState =
  | { kind: 'none' }
  | { kind: 'loading'; subject: PageSubject }
  | { kind: 'ready'; subject: PageSubject; info: SubjectInfo }
  | { kind: 'error'; subject: PageSubject | null; message: string };

export type TeachPhase = { kind: 'idle' } | { kind: 'picking' } | { kind: 'choosing'; preview: string } | { kind: 'saved'; host: string };

export interface TeachUi {
  phase: TeachPhase;
  start: () => void;
  choose: (field: TaughtField) => void;
  cancel: () => void;
}

/**
 * Everything the expanded panels need: data, and the actions they may ask the content script
 * to carry out (the panels never message the background themselves).
 */
export interface PanelsProps {
  state: DockState;
  onAddCustomer: (subject: PageSubject) => void;
  search: (query: string) => Promise<Array<{ id: string; name: string }>>;
  onPick: (customerId: string) => void;
  /** Present on in-house CRM pages, where teach mode is offered. */
  teach?: TeachUi;
  /** Issue owner: act on one of the customer's problems; answers with the refusal, if any. */
  onOwnerAction?: (problemId: string, action: OwnerAction) => Promise<OwnerActionReply>;
  /** Issue owner: open the quick-log for this page's customer. */
  onLogProblem?: () => void;
  /**
   * Customer tenure: send one of its messages (editCustomer, createCustomer, listReps) through
   * the content script. The panels hold those schemas, so they stay out of the content
   * script's budget; `onChanged` then has the dock look again.
   */
  request?: Request;
  onChanged?: () => void;
  /** Collapse the dock (the header's close button), focus back on the tab. */
  onClose?: () => void;
  /** Sales coaches: make a coach, record or dismiss a move, touch; answers with the refusal, if any. */
  onCoachAction?: (action: CoachAction) => Promise<OwnerActionReply>;
}

/**
 * The panels bundle (entrypoints/dock-panels.ts) is injected into the content script's own
 * isolated world on first expand and leaves this here; the page cannot see it.
 */
export interface PanelsApi {
  render(root: ShadowRoot, container: HTMLElement, props: PanelsProps): void;
  unmount(container: HTMLElement): void;
}
export const PANELS_GLOBAL = '__holdfastPanels';
