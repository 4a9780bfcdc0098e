import { ImportSection } from '@/components/import/ImportSection';
import { BackupSection } from '@/components/options/BackupSection';
import { DataCounts } from '@/components/options/DataCounts';
import { ProfileForm } from '@/components/options/ProfileForm';
import { SitesSection } from '@/components/options/SitesSection';
import { StorageInfo } from '@/components/options/StorageInfo';
import { TeamPods } from '@/components/pods/TeamPods';
import { OwnersSection } from '@/components/owners/OwnersSection';
import { mountPage } from '@/components/ui/mount';
import { t } from '@/lib/i18n';

mountPage(
  t('optionsTitle'),
  <main>
    <h1>{t('optionsTitle')}</h1>
    <ProfileForm />
    <SitesSection />
    <TeamPods />
    <OwnersSection />
    <ImportSection />
    <DataCounts />
    <StorageInfo />
    <BackupSection />
  </main>,
);
