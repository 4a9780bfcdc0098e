import { OptionsApp } from '@/components/options/OptionsApp';
import { mountPage } from '@/components/ui/mount';

mountPage('optionsTitle', () => <OptionsApp />);
