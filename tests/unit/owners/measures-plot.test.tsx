// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { MeasuresPlot } from '@/components/owners/OwnerMeasures';
import type { OwnershipMeasures } from '@/lib/owners/measures';

const measures = (first: number | null, close: number | null): OwnershipMeasures => ({
  problems: 2,
  closed: close === null ? 0 : 1,
  medianHoursToFirstUpdate: first,
  withoutUpdate: first === null ? 2 : 0,
  medianHoursToConfirmedClose: close,
  reopens: 0,
  transfersOut: 0,
  transfersIn: 0,
  refusedTransferAttempts: 0,
});

let host: HTMLElement;
afterEach(() => host?.remove());
function draw(rows: Array<{ key: string; name: string; m: OwnershipMeasures }>): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  render(<MeasuresPlot rows={rows} />, host);
  return host;
}

describe('the owner-measures chart', () => {
  it('says plainly that there is nothing to chart yet, instead of empty bars labelled "— —"', () => {
    const el = draw([{ key: 'a', name: 'Jane', m: measures(null, null) }]);
    expect(el.querySelector('svg')).toBeNull();
    expect(el.querySelector('[data-testid=owner-plot-empty]')?.textContent).toMatch(/^No times to chart yet/);
    expect(el.textContent).not.toContain('—');
  });

  it('draws the reps with a time, in hours, and "not yet" for a close still to come', () => {
    const el = draw([
      { key: 'a', name: 'Jane', m: measures(2, 30) },
      { key: 'b', name: 'Bob', m: measures(5.5, null) },
      { key: 'c', name: 'Cy', m: measures(null, null) },
    ]);
    const svg = el.querySelector('svg[data-testid=owner-plot]')!;
    expect([...svg.querySelectorAll('g[data-rep]')].map((g) => g.getAttribute('data-rep'))).toEqual(['Jane', 'Bob']);
    expect(svg.textContent).toContain('2.0 h');
    expect(svg.textContent).toContain('30 h');
    expect(svg.textContent).toContain('5.5 h');
    expect(svg.textContent).toContain('not yet');
    expect(svg.textContent).not.toContain('—');
    // The longest time fills the plot; the others are drawn to scale.
    const widths = [...svg.querySelectorAll('g[data-rep] rect')].map((r) => Number(r.getAttribute('width')));
    expect(Math.max(...widths)).toBeCloseTo(260);
    expect(widths[0]).toBeCloseTo((2 / 30) * 260);
  });
});
