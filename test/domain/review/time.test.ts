/** Timestamps with the writer's offset, and how they are shown. */
import { formatWhen, timeValue, timestamp } from '../../../src/domain/review';

describe('timestamp', () => {
  it("writes the writer's wall-clock time and offset", () => {
    const instant = Date.UTC(2024, 2, 5, 9, 12, 7);
    expect(timestamp(instant, 60)).toBe('2024-03-05T10:12:07+01:00');
    expect(timestamp(instant, 0)).toBe('2024-03-05T09:12:07+00:00');
    expect(timestamp(instant, -150)).toBe('2024-03-05T06:42:07-02:30');
    expect(timeValue(timestamp(instant, 60))).toBe(instant);
    expect(timeValue(timestamp(instant, -150))).toBe(instant);
  });

  it('reads only whole ISO timestamps with an offset', () => {
    expect(timeValue('2024-03-05T10:12:00Z')).toBe(Date.UTC(2024, 2, 5, 10, 12));
    expect(timeValue('2024-03-05T10:12+01:00')).toBe(Date.UTC(2024, 2, 5, 9, 12));
    for (const bad of [
      '2024-03-05',
      '2024-03-05T10:12:00',
      '2024-02-31T10:00:00Z',
      '2024-13-01T10:00:00Z',
      '5. mars',
      '',
    ])
      expect(timeValue(bad)).toBeNull();
  });

  it('is shown as its writer saw it, in both languages', () => {
    expect(formatWhen('2024-03-05T09:05:00+01:00', 'nb')).toBe('5. mars 2024 kl. 09.05');
    expect(formatWhen('2024-12-24T23:59:00-05:00', 'en')).toBe('24 December 2024 at 23:59');
    expect(formatWhen('i går', 'nb')).toBe('i går');
  });
});
