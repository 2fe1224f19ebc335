import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import { useUiStore } from '../state/ui-store';
import { useDesktopStore } from './desktop-store';
import { placePopover, TOUR_STEPS, type Placement, type Rect } from './guide';
import { NamedText } from './HelpPanel';

function targetRect(selector: string): Rect | null {
  const element = document.querySelector(selector);
  if (!element) return null;
  const r = element.getBoundingClientRect();
  return r.width > 0 && r.height > 0 ? { top: r.top, left: r.left, width: r.width, height: r.height } : null;
}

/**
 * The first-run tour: a popover beside each main area in turn (toolbar, drawing tools, feature
 * list, map, side panel, help), with Back / Next / Skip. Esc skips. Finishing or skipping sets
 * settings.tourDone, so it starts by itself only once; Help ▸ Start the tour replays it. It
 * never blocks the app: everything outside the popover stays usable.
 */
export function Tour() {
  const t = useT();
  const { tourStep, setTourStep, endTour } = useDesktopStore();
  // The popover's size changes with the language: measure again then.
  const lang = useUiStore((s) => s.lang);
  const popover = useRef<HTMLElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const [layout, setLayout] = useState<{ target: Rect | null; top: number; left: number; placement: Placement } | null>(null);
  const step = tourStep === null ? null : TOUR_STEPS[tourStep];

  const measure = useCallback(() => {
    if (!step || !popover.current) return;
    const target = targetRect(step.target);
    const size = { width: popover.current.offsetWidth, height: popover.current.offsetHeight };
    setLayout({ target, ...placePopover(target, size, { width: window.innerWidth, height: window.innerHeight }) });
  }, [step]);

  useLayoutEffect(measure, [measure, lang]);

  useEffect(() => {
    if (tourStep === null) return;
    nextButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') endTour();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('resize', measure);
    // The target moves without a window resize when panels open or close (Ctrl+1/2/3) or the
    // layout settles: follow the target's and the page's boxes too.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => measure());
    const target = step ? document.querySelector(step.target) : null;
    if (observer) {
      observer.observe(document.body);
      if (target) observer.observe(target);
    }
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('resize', measure);
      observer?.disconnect();
    };
  }, [tourStep, endTour, measure, step]);

  if (tourStep === null || !step) return null;
  const last = tourStep === TOUR_STEPS.length - 1;
  const target = layout?.target;
  return (
    <>
      {target && (
        <div
          className="tour-highlight"
          aria-hidden="true"
          style={{ top: target.top - 4, left: target.left - 4, width: target.width + 8, height: target.height + 8 }}
        />
      )}
      <section
        ref={popover}
        className={`panel tour-popover tour-${layout?.placement ?? 'center'}`}
        role="dialog"
        aria-modal="false"
        aria-label={t('tour.label')}
        aria-describedby="tour-body"
        style={{ top: layout?.top ?? -9999, left: layout?.left ?? -9999 }}
      >
        <p className="tour-progress">{t('tour.progress', { n: tourStep + 1, total: TOUR_STEPS.length })}</p>
        <h2>{t(step.title)}</h2>
        <p id="tour-body">
          <NamedText textKey={step.body} />
        </p>
        <div className="tour-actions">
          <button type="button" className="tour-skip" onClick={endTour}>
            {t('tour.skip')}
          </button>
          <span className="tour-spacer" />
          <button type="button" disabled={tourStep === 0} onClick={() => setTourStep(tourStep - 1)}>
            {t('tour.back')}
          </button>
          <button ref={nextButton} type="button" className="primary" onClick={() => (last ? endTour() : setTourStep(tourStep + 1))}>
            {last ? t('tour.done') : t('tour.next')}
          </button>
        </div>
      </section>
    </>
  );
}
