import { QuickLog } from '@/components/popup/QuickLog';
import { SyncLine } from '@/components/sync/SyncLine';
import { mountPage } from '@/components/ui/mount';

mountPage('popupTitle', () => (
  <>
    <QuickLog />
    <footer>
      <SyncLine />
    </footer>
  </>
));
