// The People screen (placeholder until its part of issue 16 lands).
import { Page } from '../components/page';
import type { ScreenProps } from './screen';

export const PeopleScreen = (_props: ScreenProps) => (
  <Page title="People">
    <p>This screen is being built.</p>
  </Page>
);
