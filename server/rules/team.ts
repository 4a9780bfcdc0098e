/** Rep profiles and pods: the team's structure, which the lead keeps. */
import { ALLOW, refuse, type Actor, type Verdict } from './verdict';

export function checkRepPut(recordId: string, deleting: boolean, actor: Actor): Verdict {
  if (actor.lead) return ALLOW;
  if (deleting) return refuse('lead_only', 'Only a team lead can remove a rep.');
  if (recordId !== actor.repId) {
    return refuse('lead_only', 'A rep edits only their own profile (name, traits, style); a team lead can edit anyone\'s.');
  }
  return ALLOW;
}

export function checkPod(actor: Actor): Verdict {
  return actor.lead ? ALLOW : refuse('lead_only', 'Pods are formed by the team lead.');
}
