import { ImportSection } from '@/components/import/ImportSection';
import { CoachesSection } from '@/components/coaches/CoachesSection';
import { BackupSection } from '@/components/options/BackupSection';
import { LanguageChoice } from '@/components/options/DisplayPrefs';
import { DataCounts } from '@/components/options/DataCounts';
import { ProfileForm } from '@/components/options/ProfileForm';
import { SitesSection } from '@/components/options/SitesSection';
import { StorageInfo } from '@/components/options/StorageInfo';
import { TeamPods } from '@/components/pods/TeamPods';
import { OwnersSection } from '@/components/owners/OwnersSection';
import { SyncSection } from '@/components/sync/SyncSection';
import { mountPage } from '@/components/ui/mount';
import { t } from '@/lib/i18n';

mountPage('optionsTitle', () => (
  <main>
    <h1>{t('optionsTitle')}</h1>
    <ProfileForm />
    <LanguageChoice />
    <SyncSection />
    <SitesSection />
    <TeamPods />
    <OwnersSection />
    <ImportSection />
    <CoachesSection />
    <DataCounts />
    <StorageInfo />
    <BackupSection />
  </main>
));
