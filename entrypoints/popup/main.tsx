import { QuickLog } from '@/components/popup/QuickLog';
import { mountPage } from '@/components/ui/mount';
import { t } from '@/lib/i18n';

mountPage(t('popupTitle'), <QuickLog />);
