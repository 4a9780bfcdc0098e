import { DataCounts } from '@/components/options/DataCounts';
import { ProfileForm } from '@/components/options/ProfileForm';
import { mountPage } from '@/components/ui/mount';
import { t } from '@/lib/i18n';

mountPage(
  t('optionsTitle'),
  <main>
    <h1>{t('optionsTitle')}</h1>
    <ProfileForm />
    <DataCounts />
  </main>,
);
