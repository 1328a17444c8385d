export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg viewBox="0 0 64 64" width={size} height={size} aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#1f5f5b" />
      <path
        d="M32 12c-8.3 0-15 6.5-15 14.6C17 37.5 32 52 32 52s15-14.5 15-25.4C47 18.5 40.3 12 32 12z"
        fill="#f6f5f1"
      />
      <circle cx="32" cy="27" r="6" fill="#1f5f5b" />
      <path d="M18 54h28" stroke="#e9b949" strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}
