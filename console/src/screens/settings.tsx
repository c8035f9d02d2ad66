// The Settings screen (placeholder until its part of issue 16 lands).
import { Page } from '../components/page';
import type { ScreenProps } from './screen';

export const SettingsScreen = (_props: ScreenProps) => (
  <Page title="Settings">
    <p>This screen is being built.</p>
  </Page>
);
