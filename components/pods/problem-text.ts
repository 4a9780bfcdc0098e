import { t } from '@/lib/i18n';
import type { RowError, RowProblem, ScoreColumn } from '@/lib/pods/trait-import';
import { COLUMN_TRAIT } from '@/lib/pods/trait-import';
import { traitLabel } from './lang';

/** The trait-import validator speaks in codes; these are its words in the UI language. */
export function columnLabel(column: ScoreColumn): string {
  return traitLabel(COLUMN_TRAIT[column]);
}

export function problemText(problem: RowProblem): string {
  switch (problem.code) {
    case 'nameMissing':
      return t('pods_errNameMissing');
    case 'nameTooLong':
      return t('pods_errNameTooLong');
    case 'emailInvalid':
      return t('pods_errEmail', problem.value);
    case 'scoreMissing':
      return t('pods_errScoreMissing', columnLabel(problem.column));
    case 'scoreInvalid':
      return t('pods_errScore', columnLabel(problem.column), problem.value);
    case 'duplicate':
      return t('pods_errDuplicate', problem.firstLine);
  }
}

export function rowErrorText(error: RowError): string {
  return t('pods_errLine', error.line, error.problems.map(problemText).join('; '));
}
