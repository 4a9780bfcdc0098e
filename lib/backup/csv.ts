import Papa from 'papaparse';
import type { Customer, Problem } from '../model';

/** Customers as a spreadsheet (one row each; lists joined with spaces). */
export function customersCsv(customers: readonly Customer[]): string {
  return Papa.unparse(
    customers
      .filter((c) => !c.deleted)
      .map((c) => ({
        id: c.id,
        name: c.name,
        domains: c.domains.join(' '),
        crm: c.crmRefs.map((r) => `${r.site}:${r.tenant ?? ''}:${r.objectType}:${r.recordId}`).join(' '),
        customerSince: c.customerSince ?? '',
        renewalDate: c.renewalDate ?? '',
        lastContactAt: c.lastContactAt ?? '',
      })),
    { escapeFormulae: true },
  );
}

/** Problems as a spreadsheet, with the customer's and owner's names where known. */
export function problemsCsv(problems: readonly Problem[], customerNames: ReadonlyMap<string, string>, repNames: ReadonlyMap<string, string>): string {
  return Papa.unparse(
    problems
      .filter((p) => !p.deleted)
      .map((p) => ({
        id: p.id,
        customer: customerNames.get(p.customerId) ?? p.customerId,
        title: p.title,
        severity: p.severity,
        channel: p.channel,
        status: p.status,
        owner: repNames.get(p.ownerRepId) ?? p.ownerRepId,
        receivedAt: p.receivedAt,
        dueAt: p.dueAt ?? '',
        reopenCount: p.reopenCount,
        confirmedAt: p.events.findLast((e) => e.type === 'confirmation')?.at ?? '',
      })),
    { escapeFormulae: true },
  );
}
