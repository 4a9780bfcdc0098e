import { ImportSection } from '@/components/import/ImportSection';
import { DataCounts } from '@/components/options/DataCounts';
import { ProfileForm } from '@/components/options/ProfileForm';
import { SitesSection } from '@/components/options/SitesSection';
import { TeamPods } from '@/components/pods/TeamPods';
import { mountPage } from '@/components/ui/mount';
import { t } from '@/lib/i18n';

mountPage(
  t('optionsTitle'),
  <main>
    <h1>{t('optionsTitle')}</h1>
    <ProfileForm />
    <SitesSection />
    <TeamPods />
    <ImportSection />
    <DataCounts />
  </main>,
);
