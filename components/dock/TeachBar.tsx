import type { TaughtField } from '@/lib/model/teach';
import type { TeachUi } from './state';
import { t } from '@/lib/i18n';


const FIELDS: TaughtField[] = ['name', 'email', 'website'];

/** Teach mode in the dock: start picking, then say what the picked element holds. */
export function TeachBar({ teach }: { teach: TeachUi }) {
  const { phase } = teach;
  if (phase.kind === 'picking') {
    return (
      <div class="teach" role="status">
        <p>{t('teachPicking')}</p>
        <button type="button" onClick={teach.cancel}>{t('cancel')}</button>
      </div>
    );
  }
  if (phase.kind === 'choosing') {
    return (
      <div class="teach">
        <p class="small">{t('teachPreview', phase.preview)}</p>
        <p>{t('teachChoose')}</p>
        <div class="choices">
          {FIELDS.map((f) => (
            <button type="button" class="primary" onClick={() => teach.choose(f)}>{t(`teachField_${f}`)}</button>
          ))}
          <button type="button" onClick={teach.cancel}>{t('cancel')}</button>
        </div>
      </div>
    );
  }
  return (
    <div class="teach">
      {phase.kind === 'saved' && <p role="status" class="small">{t('teachSaved', phase.host)}</p>}
      <button type="button" class="link" onClick={teach.start}>{t('teachStart')}</button>
    </div>
  );
}
