// The Customer screen (placeholder until its part of issue 16 lands).
import { Page } from '../components/page';
import type { ScreenProps } from './screen';

export const CustomerScreen = (_props: ScreenProps) => (
  <Page title="Customer">
    <p>This screen is being built.</p>
  </Page>
);
