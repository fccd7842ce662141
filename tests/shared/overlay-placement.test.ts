import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARGIN, overlayBounds, restoredWindowBounds, type DisplayInfo, type Rect } from '../../shared/rules/overlay-placement';

const laptop: DisplayInfo = { id: '1', primary: true, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const monitor: DisplayInfo = { id: '2', primary: false, workArea: { x: 1440, y: 0, width: 2560, height: 1440 } };
const size = { width: 320, height: 420 };
const inside = (r: Rect, a: Rect) => r.x >= a.x && r.y >= a.y && r.x + r.width <= a.x + a.width && r.y + r.height <= a.y + a.height;

describe('overlay placement', () => {
  it('starts top-right on the primary display', () => {
    expect(overlayBounds({ boundsByDisplay: {} }, [laptop, monitor], size)).toEqual({ x: 1440 - 320 - MARGIN, y: 25 + MARGIN, ...size });
  });

  it('goes back where the rep put it, on the display it was on', () => {
    const there = { x: 3000, y: 700, ...size };
    expect(overlayBounds({ boundsByDisplay: { '2': there }, lastDisplay: '2' }, [laptop, monitor], size)).toEqual(there);
  });

  it('recovers when that display is gone: the primary display’s spot, or the default corner', () => {
    const saved = { boundsByDisplay: { '2': { x: 3000, y: 700, ...size } }, lastDisplay: '2' };
    expect(overlayBounds(saved, [laptop], size)).toEqual({ x: 1440 - 320 - MARGIN, y: 25 + MARGIN, ...size });
    const withLaptopSpot = { ...saved, boundsByDisplay: { ...saved.boundsByDisplay, '1': { x: 40, y: 300, ...size } } };
    expect(overlayBounds(withLaptopSpot, [laptop], size)).toEqual({ x: 40, y: 300, ...size });
  });

  it('always lands fully on a display that exists, whatever was saved', () => {
    const rect = fc.record({ x: fc.integer({ min: -5000, max: 9000 }), y: fc.integer({ min: -5000, max: 9000 }), width: fc.integer({ min: 100, max: 4000 }), height: fc.integer({ min: 100, max: 4000 }) });
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('1', '2', '3'), rect), fc.option(fc.constantFrom('1', '2', '3'), { nil: undefined }), fc.subarray([laptop, monitor], { minLength: 1 }), (boundsByDisplay, lastDisplay, displays) => {
        const placed = overlayBounds({ boundsByDisplay, lastDisplay }, displays, size);
        expect(displays.some((d) => inside(placed, d.workArea))).toBe(true);
      }),
    );
  });
});

describe('window state', () => {
  it('reopens a window where it was, or lets the OS place it when that display is gone', () => {
    const onMonitor = { x: 2000, y: 100, width: 1100, height: 760 };
    expect(restoredWindowBounds(onMonitor, [laptop, monitor])).toEqual(onMonitor);
    expect(restoredWindowBounds(onMonitor, [laptop])).toBeNull();
    expect(restoredWindowBounds(undefined, [laptop])).toBeNull();
    // Half off the laptop's screen: pulled fully back on.
    expect(restoredWindowBounds({ x: 1000, y: 500, width: 1100, height: 760 }, [laptop])).toEqual({ x: 340, y: 140, width: 1100, height: 760 });
  });
});
