// The Case screen (placeholder until its part of issue 16 lands).
import { Page } from '../components/page';
import type { ScreenProps } from './screen';

export const CaseScreen = (_props: ScreenProps) => (
  <Page title="Case">
    <p>This screen is being built.</p>
  </Page>
);
