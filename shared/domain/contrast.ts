// Text on the tenant's brand colour: white or near-black, whichever WCAG 2.1 AA allows (contrast ratio ≥ 4.5).

export const DEFAULT_BUTTON = { background: '#1a5fb4', text: '#ffffff' } as const;
const WHITE = '#ffffff';
const NEAR_BLACK = '#111111';
export const AA_CONTRAST = 4.5;

const channel = (value: number): number => {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** WCAG relative luminance of '#rrggbb'. */
export const luminance = (hex: string): number => {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
};

export const contrastRatio = (a: string, b: string): number => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

/** The button colours for a brand colour; a colour no text reads well on (or none) falls back to the default. */
export const buttonColours = (brand: string | undefined): { background: string; text: string } => {
  if (!brand || !/^#[0-9a-fA-F]{6}$/.test(brand)) return { ...DEFAULT_BUTTON };
  const background = brand.toLowerCase();
  if (contrastRatio(background, WHITE) >= AA_CONTRAST) return { background, text: WHITE };
  if (contrastRatio(background, NEAR_BLACK) >= AA_CONTRAST) return { background, text: NEAR_BLACK };
  return { ...DEFAULT_BUTTON };
};
