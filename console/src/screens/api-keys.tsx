// The API keys screen (placeholder until its part of issue 16 lands).
import { Page } from '../components/page';
import type { ScreenProps } from './screen';

export const ApiKeysScreen = (_props: ScreenProps) => (
  <Page title="API keys">
    <p>This screen is being built.</p>
  </Page>
);
