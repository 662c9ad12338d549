// A heart, outlined or filled; decorative, since the button's name and pressed state say what it means.
export function HeartIcon({ isFilled }: { isFilled: boolean }) {
  return (
    <svg class="heart" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M12 20.5s-7.6-4.7-9.5-9.4C1 7.4 3.3 3.8 6.9 3.6c2-.1 3.7 1 5.1 2.9 1.4-1.9 3.1-3 5.1-2.9 3.6.2 5.9 3.8 4.4 7.5-1.9 4.7-9.5 9.4-9.5 9.4z"
        fill={isFilled ? 'currentColor' : 'none'}
        stroke="currentColor"
        stroke-width="2"
        stroke-linejoin="round"
      />
    </svg>
  );
}
