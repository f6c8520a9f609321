import { Skeleton } from '@mantine/core';
import { useEffect, useState } from 'react';

const SIZE = 200;

/**
 * A QR code as an SVG data URL in an <img>: no canvas, no inline script, allowed by the CSP
 * (img-src data:). The encoder loads only when a QR code is shown.
 */
export function QrCode({ value, alt }: { value: string; alt: string }) {
  const [src, setSrc] = useState<{ value: string; url: string } | null>(null);
  useEffect(() => {
    let live = true;
    import('qrcode')
      .then((qrcode) => qrcode.toString(value, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }))
      .then((svg) => {
        if (live) setSrc({ value, url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
      })
      .catch((error: unknown) => console.error(error));
    return () => {
      live = false;
    };
  }, [value]);
  if (!src || src.value !== value) return <Skeleton width={SIZE} height={SIZE} />;
  return <img src={src.url} alt={alt} width={SIZE} height={SIZE} style={{ background: 'white', display: 'block' }} />;
}
