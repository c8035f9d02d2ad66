// The Strategies screen (placeholder until its part of issue 16 lands).
import { Page } from '../components/page';
import type { ScreenProps } from './screen';

export const StrategiesScreen = (_props: ScreenProps) => (
  <Page title="Strategies">
    <p>This screen is being built.</p>
  </Page>
);
