// The Search screen (placeholder until its part of issue 16 lands).
import { Page } from '../components/page';
import type { ScreenProps } from './screen';

export const SearchScreen = (_props: ScreenProps) => (
  <Page title="Search">
    <p>This screen is being built.</p>
  </Page>
);
