// Button text on the tenant's brand colour reads at WCAG 2.1 AA (contrast ≥ 4.5) whatever colour the tenant picks.
import { AA_CONTRAST, buttonColours, contrastRatio, DEFAULT_BUTTON } from '../../../shared/domain/contrast';

describe('text colour on the brand colour', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('puts white on dark colours and near-black on light ones', () => {
    expect(buttonColours('#0b3d91')).toEqual({ background: '#0b3d91', text: '#ffffff' });
    expect(buttonColours('#FFD400')).toEqual({ background: '#ffd400', text: '#111111' });
    expect(buttonColours('#7fdbff')).toEqual({ background: '#7fdbff', text: '#111111' });
  });

  it('reaches 4.5 for every colour, falling back to the default when neither text would', () => {
    for (let value = 0; value < 0xffffff; value += 0x0f0f0b) {
      const brand = `#${value.toString(16).padStart(6, '0')}`;
      const { background, text } = buttonColours(brand);
      expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(AA_CONTRAST);
    }
    expect(buttonColours(undefined)).toEqual(DEFAULT_BUTTON);
    expect(buttonColours('red')).toEqual(DEFAULT_BUTTON);
  });
});
