// What every screen receives from the shell: the parameters of its address (`/cases/:id` → `{ id }`) and its query.
export interface ScreenProps {
  params: Record<string, string>;
  query: URLSearchParams;
}
