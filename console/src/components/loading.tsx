// The line a screen shows while its data is on its way (a polite live region, so a screen reader hears it once).
export const Loading = (props: { what?: string }) => (
  <p class="loading" role="status" aria-live="polite">
    Loading{props.what ? ` ${props.what}` : ''}…
  </p>
);
