import { createTheme, DataList, Notification, type CSSVariablesResolver } from '@mantine/core';

// Calm and legible: one blue, near-black text, and every text colour at least 4.5:1 on its
// background (WCAG AA). Mantine's defaults miss that for dimmed text, errors, filled buttons in
// shade 6 and light badges in green/yellow/orange; the values below fix those.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  // Filled components pick black or white text by the background's luminance.
  autoContrast: true,
  luminanceThreshold: 0.2,
  black: '#212529',
  defaultRadius: 'md',
  focusRing: 'auto',
  respectReducedMotion: true,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
  headings: { fontWeight: '650' },
  components: {
    // Long values (migration names, long words in Albanian) wrap instead of overflowing a phone.
    DataList: DataList.extend({ styles: { itemValue: { minWidth: 0, overflowWrap: 'anywhere' } } }),
    // Under a title, Mantine greys a notification's text with gray.6 (3.3:1 on white); dimmed is 4.5:1+.
    Notification: Notification.extend({ styles: { description: { color: 'var(--mantine-color-dimmed)' } } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': '#676e75',
    '--mantine-color-error': t.colors.red[9],
    '--mantine-color-red-light-color': '#a51d1d',
    // On the hover background of light and subtle buttons (blue.2), blue.9 text is only 4.0:1.
    '--mantine-color-blue-light-color': '#145a9c',
    '--mantine-color-green-light-color': '#1e6b30',
    '--mantine-color-teal-light-color': '#06664a',
    '--mantine-color-yellow-light-color': '#7a4a00',
    '--mantine-color-orange-light-color': '#a33b0b',
  },
  dark: {},
});
