import { describe, expect, it } from 'vitest';
import {
  companyNameFrom, domainStem, isPublicMailDomain, nameStem, namedIn, registrableLabel, similarDomains, suggestCustomer, type KnownCustomer,
} from '@/lib/mail-company/match';

const acme: KnownCustomer = { id: 'c-acme', name: 'Acme Corp', domains: ['acme.com'] };
const globex: KnownCustomer = { id: 'c-globex', name: 'Globex Ltd', domains: ['globex.co.uk'] };
const xingtu: KnownCustomer = { id: 'c-xt', name: '杭州星图科技有限公司', domains: ['xingtu-tech.cn'] };
const huawei: KnownCustomer = { id: 'c-hw', name: '华为技术有限公司', domains: [] };
const box: KnownCustomer = { id: 'c-box', name: 'Box Inc', domains: ['box.com'] };
const book = [globex, xingtu, huawei, box, acme];

describe('domain stems', () => {
  it('takes the registered name under one- and two-part suffixes', () => {
    expect(registrableLabel('mail.acme-corp.com')).toBe('acme-corp');
    expect(registrableLabel('globex.co.uk')).toBe('globex');
    expect(registrableLabel('eu.globex.co.uk')).toBe('globex');
    expect(registrableLabel('xingtu.com.cn')).toBe('xingtu');
  });

  it('drops hyphens and legal words, run-on or hyphenated', () => {
    for (const d of ['acme-corp.com', 'acme.com', 'acmecorp.com', 'acme-inc.co.uk', 'acme-group.de', 'acme-gmbh.de', 'acme-co.com', 'ACME-LTD.com', 'sales.acme.com']) {
      expect(domainStem(d), d).toBe('acme');
    }
    expect(domainStem('blue-harbor.com')).toBe('blueharbor');
    // "co" is not cut where it runs on: cisco and costco keep their names.
    expect(domainStem('cisco.com')).toBe('cisco');
    expect(domainStem('costco.com')).toBe('costco');
  });

  it('never matches public mail domains', () => {
    for (const d of ['gmail.com', 'qq.com', '163.com', '126.com', 'outlook.com', 'QQ.com']) {
      expect(isPublicMailDomain(d), d).toBe(true);
      expect(domainStem(d), d).toBe('');
    }
    expect(similarDomains('gmail.com', 'gmail.com')).toBe(false);
    expect(similarDomains('li.wei@qq.com'.split('@')[1]!, 'qq.com')).toBe(false);
  });

  it('calls look-alike company domains similar and others not', () => {
    expect(similarDomains('acme-corp.com', 'acme.com')).toBe(true);
    expect(similarDomains('acme.co.uk', 'acme-corp.com')).toBe(true);
    expect(similarDomains('acme-corp.com', 'acmeplex.com')).toBe(false);
    expect(similarDomains('ab.com', 'ab-corp.com')).toBe(false); // too short to tell
  });
});

describe('company names', () => {
  it('stems Latin and Chinese names', () => {
    expect(nameStem('Acme Corp.')).toBe('acme');
    expect(nameStem('Globex Industries GmbH')).toBe('globexindustries');
    expect(nameStem('杭州星图科技有限公司')).toBe('杭州星图科技');
    expect(nameStem('星图科技股份有限公司')).toBe('星图科技');
    expect(nameStem('阿里巴巴集团')).toBe('阿里巴巴');
    expect(nameStem('Inc')).toBe('inc');
  });

  it('finds a Latin name as whole words only', () => {
    expect(namedIn('Acme Corp', 'Renewal: Acme Corp 2027 licences')).toBe(true);
    expect(namedIn('Acme Corp', 'RE: acme renewal')).toBe(true);
    expect(namedIn('Acme Corp', 'Acmeplex pricing')).toBe(false);
    expect(namedIn('Box Inc', 'Your inbox is full')).toBe(false);
    expect(namedIn('Blue Harbor Ltd', 'Blue Harbor: Q3 review')).toBe(true);
    expect(namedIn('Blue Harbor Ltd', 'harbor blue')).toBe(false);
  });

  it('finds a Chinese name anywhere in Chinese text, with or without its legal form', () => {
    expect(namedIn('杭州星图科技有限公司', '关于杭州星图科技2027年续约')).toBe(true);
    expect(namedIn('杭州星图科技有限公司', '王芳\n杭州星图科技有限公司 销售总监')).toBe(true);
    expect(namedIn('杭州星图科技有限公司', '星图科技续约')).toBe(false);
    expect(namedIn('华为技术有限公司', '与 华为 技术 的会议')).toBe(true);
  });
});

describe('suggestCustomer', () => {
  it('suggests Acme Corp (acme.com) for a thread from acme-corp.com', () => {
    const s = suggestCustomer({ domains: ['acme-corp.com'], texts: ['Renewal: Acme Corp 2027 licences'] }, book);
    expect(s).toEqual({ customer: acme, why: 'domain', domain: 'acme-corp.com' });
  });

  it('prefers a look-alike domain over a name in the text', () => {
    const s = suggestCustomer({ domains: ['globex-group.com'], texts: ['Acme Corp asked us to write'] }, book);
    expect(s?.customer).toBe(globex);
    expect(s?.why).toBe('domain');
  });

  it('matches a customer filed without a domain by its name against the domain', () => {
    const s = suggestCustomer({ domains: ['initech-inc.com'], texts: [] }, [{ id: 'i', name: 'Initech', domains: [] }]);
    expect(s?.why).toBe('domain');
  });

  it('falls back to the name in the subject or signature, keeping the sender domain to add', () => {
    const s = suggestCustomer({ domains: ['mail-gw.example.net'], texts: ['Fwd: invoice', 'Wang Fang\n杭州星图科技有限公司'] }, book);
    expect(s).toEqual({ customer: xingtu, why: 'name', domain: 'mail-gw.example.net' });
  });

  it('from public mail: no domain is matched or offered, the name still is', () => {
    expect(suggestCustomer({ domains: ['qq.com'], texts: ['周报'] }, [...book, { id: 'q', name: 'QQ Corp', domains: ['qq-corp.com'] }])).toBeNull();
    const s = suggestCustomer({ domains: ['163.com'], texts: ['华为技术 项目进度'] }, book);
    expect(s).toEqual({ customer: huawei, why: 'name' });
  });

  it('takes the most specific name when several are named', () => {
    const short: KnownCustomer = { id: 's', name: 'Acme', domains: ['a1.com'] };
    const long: KnownCustomer = { id: 'l', name: 'Acme Robotics', domains: ['a2.com'] };
    expect(suggestCustomer({ domains: [], texts: ['Acme Robotics renewal'] }, [short, long])?.customer).toBe(long);
  });

  it('suggests nothing for an unrelated sender', () => {
    expect(suggestCustomer({ domains: ['initech.com'], texts: ['Lunch on Friday?'] }, book)).toBeNull();
  });
});

describe('companyNameFrom', () => {
  it('names the company as the mail spells it', () => {
    expect(companyNameFrom('acme-corp.com', ['Renewal: Acme Corp 2027 licences'])).toBe('Acme Corp');
    expect(companyNameFrom('blue-harbor.com', ['Intro', 'Best, Ann — Blue Harbor Ltd.'])).toBe('Blue Harbor Ltd');
  });

  it('takes a Chinese company name from the signature', () => {
    expect(companyNameFrom('xingtu-tech.cn', ['续约报价'], '王芳\n杭州星图科技有限公司\n销售总监')).toBe('杭州星图科技有限公司');
  });

  it('gives up rather than guess', () => {
    expect(companyNameFrom('acme-corp.com', ['acme renewal'])).toBeNull(); // not written as a name
    expect(companyNameFrom('initech.com', ['Lunch on Friday?'], 'Bob')).toBeNull();
  });
});
