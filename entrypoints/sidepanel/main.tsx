import { SidePanel } from '@/components/sidepanel/SidePanel';
import { mountPage } from '@/components/ui/mount';

mountPage('sideTitle', () => <SidePanel />);
