import { describe, expect, it } from 'vitest';
import { PRODUCT_MATCHES, originPattern, patternHost, scriptsFor } from '@/lib/sites/hosts';

describe('content scripts from granted hosts', () => {
  it('runs nothing before the user enables anything', () => {
    expect(scriptsFor([])).toEqual([]);
  });

  it('runs a product on exactly the hosts of it that are granted', () => {
    expect(scriptsFor(['https://*.lightning.force.com/*'])).toEqual([
      { id: 'holdfast-salesforce', js: ['content-scripts/salesforce.js'], matches: ['https://*.lightning.force.com/*'] },
    ]);
    expect(scriptsFor([...PRODUCT_MATCHES.salesforce])).toEqual([
      { id: 'holdfast-salesforce', js: ['content-scripts/salesforce.js'], matches: [...PRODUCT_MATCHES.salesforce] },
    ]);
  });

  it('gives every other https origin the teachable generic script', () => {
    const plan = scriptsFor([...PRODUCT_MATCHES.gmail, 'https://crm.acme.internal/*', 'https://*/*', 'http://old.example/*']);
    expect(plan.map((p) => p.id)).toEqual(['holdfast-gmail', 'holdfast-custom']);
    expect(plan[1]!.matches).toEqual(['https://crm.acme.internal/*']);
  });
});

describe('originPattern', () => {
  it('turns what a user types into one origin pattern', () => {
    expect(originPattern('https://crm.acme.internal/customers/42')).toBe('https://crm.acme.internal/*');
    expect(originPattern('crm.acme.internal')).toBe('https://crm.acme.internal/*');
    expect(originPattern('http://crm.acme.internal')).toBeNull();
    expect(originPattern('not a host')).toBeNull();
    expect(originPattern('localhost')).toBeNull();
  });
});

describe('patternHost', () => {
  it('names the host of an origin pattern, port kept, in any scheme spelling', () => {
    expect(patternHost('https://crm.example.com/*')).toBe('crm.example.com');
    expect(patternHost('https://crm.example.cn:8443/*')).toBe('crm.example.cn:8443');
    expect(patternHost('*://*.lightning.force.com/*')).toBe('*.lightning.force.com');
  });
});
