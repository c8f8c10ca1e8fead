/** Renders an SVG QR code produced by the server (qrcode's own markup, never user input). */
export function QrCode({ svg, label, className }: { svg: string; label: string; className?: string }) {
  return <div role="img" aria-label={label} className={className} dangerouslySetInnerHTML={{ __html: svg }} />;
}
