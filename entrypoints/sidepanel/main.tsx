import { SidePanel } from '@/components/sidepanel/SidePanel';
import { mountPage } from '@/components/ui/mount';
import { t } from '@/lib/i18n';

mountPage(t('sideTitle'), <SidePanel />);
