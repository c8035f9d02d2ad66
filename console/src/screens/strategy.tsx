// The Strategy screen (placeholder until its part of issue 16 lands).
import { Page } from '../components/page';
import type { ScreenProps } from './screen';

export const StrategyScreen = (_props: ScreenProps) => (
  <Page title="Strategy">
    <p>This screen is being built.</p>
  </Page>
);
