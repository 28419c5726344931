import { describe, expect, it } from 'vitest';
import {
  distributionBars,
  meaningBars,
  referralBars,
  serviceLabel,
  type DashboardFigures,
} from './figures';

function figures(distribution: DashboardFigures['wellbeingChange']['distribution']) {
  return {
    wellbeingChange: {
      people: distribution.reduce((n, d) => n + d.count, 0),
      meaningfulImprovement: 0,
      possibleImprovement: 0,
      noChange: 0,
      possibleDecline: 0,
      meaningfulDecline: 0,
      distribution,
    },
  } as DashboardFigures;
}

describe('distributionBars', () => {
  const f = figures([
    { instrument: 'SWEMWBS', band: -2, meaning: 'possible-decline', count: 1 },
    { instrument: 'SWEMWBS', band: 0, meaning: 'no-change', count: 2 },
    { instrument: 'SWEMWBS', band: 2, meaning: 'possible-improvement', count: 1 },
    { instrument: 'SWEMWBS', band: 3, meaning: 'meaningful-improvement', count: 1 },
    { instrument: 'WEMWBS', band: 2, meaning: 'no-change', count: 4 },
    { instrument: 'WEMWBS', band: -3, meaning: 'meaningful-decline', count: 1 },
  ]);
  const colourOf = (meaning: string) =>
    meaningBars(figures([])).find((b) => b.key === meaning)!.colour;

  it('says and colours each band as the chart of meanings does', () => {
    expect(distributionBars(f, 'SWEMWBS').map((b) => [b.label, b.count, b.colour])).toEqual([
      ['Up 3 to 3.99: meaningful improvement', 1, colourOf('meaningful-improvement')],
      ['Up 2 to 2.99: possible improvement', 1, colourOf('possible-improvement')],
      ['Under 1 either way: no meaningful change', 2, colourOf('no-change')],
      ['Down 2 to 2.99: possible decline', 1, colourOf('possible-decline')],
    ]);
  });

  it('keeps WEMWBS points on a chart of their own', () => {
    expect(distributionBars(f, 'WEMWBS').map((b) => [b.label, b.count, b.colour])).toEqual([
      ['Up 2: no meaningful change', 4, colourOf('no-change')],
      ['Down 3: meaningful decline', 1, colourOf('meaningful-decline')],
    ]);
  });
});

describe('referralBars', () => {
  const referral = (serviceId: string, service: string, provider: string, status: string) => ({
    serviceId,
    service,
    provider,
    status,
    count: 1,
  });

  it('names the provider only where two providers offer a service of one name', () => {
    const f = {
      referralsByServiceStatus: [
        referral('a', 'Drop-in', 'Stockport Housing Help', 'sent'),
        referral('b', 'Drop-in', 'Heatons Money Advice', 'sent'),
        referral('a', 'Drop-in', 'Stockport Housing Help', 'declined'),
        referral('c', 'Volunteer matching', 'Tame Valley Peer Support', 'sent'),
      ],
    } as DashboardFigures;
    expect(referralBars(f).map((b) => b.label)).toEqual([
      'Drop-in (Stockport Housing Help): sent',
      'Drop-in (Heatons Money Advice): sent',
      'Drop-in (Stockport Housing Help): declined',
      'Volunteer matching: sent',
    ]);
  });
});

describe('serviceLabel', () => {
  const services = [
    { id: 'a', name: 'Drop-in', provider: 'Stockport Housing Help' },
    { id: 'b', name: 'drop-in', provider: 'Heatons Money Advice' },
    { id: 'c', name: 'Volunteer matching', provider: 'Tame Valley Peer Support' },
  ];

  it('tells apart services of one name, whatever their case, and knows no other id', () => {
    expect(serviceLabel(services, 'b')).toBe('drop-in (Heatons Money Advice)');
    expect(serviceLabel(services, 'c')).toBe('Volunteer matching');
    expect(serviceLabel(services, 'x')).toBeNull();
  });
});
