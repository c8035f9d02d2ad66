// The Tasks screen (placeholder until its part of issue 16 lands).
import { Page } from '../components/page';
import type { ScreenProps } from './screen';

export const TasksScreen = (_props: ScreenProps) => (
  <Page title="Tasks">
    <p>This screen is being built.</p>
  </Page>
);
