import type { ReactNode } from 'react';

/**
 * The toolbars' icons: 16 px line drawings in the current text colour, drawn here so the app
 * needs no icon package. Each is decorative (aria-hidden); the button carries the name.
 */
function Svg({ children }: { children: ReactNode }) {
  return (
    <svg className="icon" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

const PATHS = {
  new: <path d="M4 1.5h5l3 3v10H4zM9 1.5v3h3M8 8v4M6 10h4" />,
  open: <path d="M1.5 13.5v-10h4l1.5 1.5h5.5v2M1.5 13.5l2-6h11l-2 6z" />,
  sample: <path d="M3 1.5h9v13H3zM5.5 5h4M5.5 8h4M5.5 11h2" />,
  save: <path d="M2 2h9.5L14 4.5V14H2zM5 2v3.5h5V2M4.5 14V9.5h7V14" />,
  saveAs: <path d="M2 2h8l2.5 2.5V7M2 2v12h5M5 2v3h4.5V2M10 14l4-4-1.5-1.5-4 4V14z" />,
  layers: <path d="M8 1.5l6.5 3.5L8 8.5 1.5 5zM1.5 8L8 11.5 14.5 8M1.5 11L8 14.5 14.5 11" />,
  legend: <path d="M2 3h3v3H2zM2 10h3v3H2zM7.5 4.5h6.5M7.5 11.5h6.5" />,
  list: <path d="M5.5 3.5H14M5.5 8H14M5.5 12.5H14M2 3.5h.5M2 8h.5M2 12.5h.5" />,
  cube: <path d="M8 1.5l6 3v7l-6 3-6-3v-7zM2 4.5l6 3 6-3M8 7.5v7" />,
  gear: (
    <>
      <circle cx="8" cy="8" r="2.2" />
      <path d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4" />
    </>
  ),
  help: (
    <>
      <circle cx="8" cy="8" r="6.5" />
      <path d="M6 6.2a2 2 0 1 1 2.6 1.9c-.4.2-.6.5-.6 1V10M8 12v.2" />
    </>
  ),
  select: <path d="M3 2l9.5 5.5-4.2 1.1 2.6 4.6-1.6.9-2.6-4.6L3.5 12.5z" />,
  polygon: <path d="M2.5 6l5-4 6 3-1.5 8.5H4z" />,
  rectangle: <path d="M2 4h12v8H2z" />,
  road: <path d="M5 1.5L3 14.5M11 1.5l2 13M8 2v2M8 7v2M8 12v2" />,
  building: <path d="M3 14.5V4l5-2.5v13M8 6h5v8.5M1.5 14.5h13M5 6.5h1M5 9.5h1M10.5 9h.5M10.5 11.5h.5" />,
  point: (
    <>
      <path d="M8 14.5s-4.5-4.4-4.5-7.8a4.5 4.5 0 0 1 9 0c0 3.4-4.5 7.8-4.5 7.8z" />
      <circle cx="8" cy="6.5" r="1.5" />
    </>
  ),
  split: <path d="M2 2.5h12v11H2zM9.5 1l-3 14" />,
  subdivide: <path d="M2 2h12v12H2zM8 2v12M2 8h12" />,
  merge: <path d="M1.5 3.5h5v9h-5zM9.5 3.5h5v9h-5zM5 8h6M9 6.5L11 8 9 9.5" />,
  duplicate: <path d="M5.5 5.5h8v8h-8zM10.5 5.5v-3h-8v8h3" />,
  trash: <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.8 10h6.4L12 4M6.8 6.5v5M9.2 6.5v5" />,
  magnet: <path d="M3 2v6a5 5 0 0 0 10 0V2h-3v6a2 2 0 0 1-4 0V2zM3 5h3M10 5h3" />,
  undo: <path d="M5 3.5L2 6.5l3 3M2 6.5h7.5a4 4 0 0 1 0 8H6" />,
  redo: <path d="M11 3.5l3 3-3 3M14 6.5H6.5a4 4 0 0 0 0 8H10" />,
  keyboard: <path d="M1.5 4h13v8h-13zM4 6.5h.5M7.75 6.5h.5M11.5 6.5h.5M4.5 9.5h7" />,
  pin: <path d="M6 1.5h4M7 1.5v4L4.5 8.5h7L9 5.5v-4M8 8.5v6" />,
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return <Svg>{PATHS[name]}</Svg>;
}
