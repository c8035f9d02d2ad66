// Every screen of the console, its address and who may open it; the shell's navigation is built from the same list.
import type { FunctionComponent } from 'preact';
import type { Role } from '../auth';
import type { ScreenProps } from './screen';
import { QueueScreen } from './queue';
import { CaseScreen } from './case';
import { CustomerScreen } from './customer';
import { SearchScreen } from './search';
import { TasksScreen } from './tasks';
import { DashboardScreen } from './dashboard';
import { StrategiesScreen } from './strategies';
import { StrategyScreen } from './strategy';
import { SettingsScreen } from './settings';
import { PeopleScreen } from './people';
import { ApiKeysScreen } from './api-keys';

export interface ScreenEntry {
  pattern: string;
  component: FunctionComponent<ScreenProps>;
  roles: readonly Role[];
  /** Shown in the navigation under this label, in this order; screens reached from others have none. */
  nav?: string;
}

const everyone: readonly Role[] = ['collector', 'manager'];
const managers: readonly Role[] = ['manager'];

export const SCREENS: readonly ScreenEntry[] = [
  { pattern: '/queue', component: QueueScreen, roles: everyone, nav: 'Queue' },
  { pattern: '/tasks', component: TasksScreen, roles: everyone, nav: 'Tasks' },
  { pattern: '/search', component: SearchScreen, roles: everyone, nav: 'Search' },
  { pattern: '/dashboard', component: DashboardScreen, roles: managers, nav: 'Dashboard' },
  { pattern: '/strategies', component: StrategiesScreen, roles: everyone, nav: 'Strategies' },
  { pattern: '/settings', component: SettingsScreen, roles: managers, nav: 'Settings' },
  { pattern: '/people', component: PeopleScreen, roles: managers, nav: 'People' },
  { pattern: '/keys', component: ApiKeysScreen, roles: managers, nav: 'API keys' },
  { pattern: '/cases/:id', component: CaseScreen, roles: everyone },
  { pattern: '/customers/:id', component: CustomerScreen, roles: everyone },
  { pattern: '/strategies/:id', component: StrategyScreen, roles: everyone },
];
