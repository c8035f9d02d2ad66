// The Dashboard screen (placeholder until its part of issue 16 lands).
import { Page } from '../components/page';
import type { ScreenProps } from './screen';

export const DashboardScreen = (_props: ScreenProps) => (
  <Page title="Dashboard">
    <p>This screen is being built.</p>
  </Page>
);
