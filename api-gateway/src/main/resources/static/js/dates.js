// Calendar dates ('YYYY-MM-DD') and wall-clock times in the user's IANA time zone, with only
// the browser's Intl API (no date library). Plain dates are computed on UTC midnights so that
// the browser's own zone never shifts them.

export const WEEKDAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
];

const formatters = new Map();

function partsFormatter(zone) {
  if (!formatters.has(zone)) {
    formatters.set(
      zone,
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
    );
  }
  return formatters.get(zone);
}

/** True when the browser knows this IANA zone. */
export function isKnownZone(zone) {
  try {
    partsFormatter(zone);
    return true;
  } catch (e) {
    return false;
  }
}

/** The wall clock of an instant (ms) in a zone: {date: 'YYYY-MM-DD', minutes: minutes since midnight}. */
export function wallClock(ms, zone) {
  const parts = {};
  for (const p of partsFormatter(zone).formatToParts(new Date(ms))) {
    parts[p.type] = p.value;
  }
  const hour = Number(parts.hour) % 24;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: hour * 60 + Number(parts.minute) + Number(parts.second) / 60,
  };
}

/** Today's date in the zone. */
export function todayIn(zone) {
  return wallClock(Date.now(), zone).date;
}

function toUtc(date) {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isDate(text) {
  return /^\d{4}-\d{2}-\d{2}$/.test(text || '') && fromUtc(toUtc(text)) === text;
}

export function addDays(date, days) {
  return fromUtc(toUtc(date) + days * 86400000);
}

/** 'MONDAY'..'SUNDAY' of a date. */
export function weekdayOf(date) {
  return WEEKDAYS[(new Date(toUtc(date)).getUTCDay() + 6) % 7];
}

/** The Monday of the date's week (weeks start on Monday). */
export function mondayOf(date) {
  return addDays(date, -WEEKDAYS.indexOf(weekdayOf(date)));
}

/** 'Mon 16 Nov' */
export function dayLabel(date) {
  return new Date(toUtc(date)).toLocaleDateString('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
}

/** '16 Nov 2026' */
export function longDate(date) {
  return new Date(toUtc(date)).toLocaleDateString('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** 'HH:mm' → minutes since midnight, or null when not a valid time. */
export function parseHhMm(text) {
  const m = /^(\d{1,2}):(\d{2})$/.exec((text || '').trim());
  if (!m) {
    return null;
  }
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) {
    return null;
  }
  return hours * 60 + minutes;
}

export function hhmm(minutes) {
  const total = Math.round(minutes);
  const hours = Math.floor(total / 60) % 24;
  return `${String(hours).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function offsetMinutesAt(ms, zone) {
  const wall = wallClock(ms, zone);
  const wallMs = toUtc(wall.date) + Math.round(wall.minutes * 60) * 1000;
  return Math.round((wallMs - Math.floor(ms / 1000) * 1000) / 60000);
}

function offsetText(offset) {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * A wall-clock time on a date in a zone as RFC 3339 with the zone's offset at that moment,
 * e.g. ('2026-11-16', 540, 'Europe/Madrid') → '2026-11-16T09:00:00+01:00'. Like java.time's
 * ZonedDateTime.of: in an overlap the earlier instant, in a gap the time moves later by the gap.
 */
export function zonedIso(date, minutes, zone) {
  const naive = toUtc(date) + minutes * 60000;
  const candidates = [
    offsetMinutesAt(naive - 86400000, zone),
    offsetMinutesAt(naive + 86400000, zone),
  ];
  const valid = candidates.filter((o) => {
    const wall = wallClock(naive - o * 60000, zone);
    return wall.date === date && Math.round(wall.minutes) === minutes;
  });
  const offset = valid.length ? Math.max(...valid) : candidates[0];
  const instant = naive - offset * 60000;
  const wall = wallClock(instant, zone);
  return `${wall.date}T${hhmm(wall.minutes)}:00${offsetText(offsetMinutesAt(instant, zone))}`;
}

/** '4h 48m', '36m', '0m' */
export function duration(seconds) {
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) {
    return `${m}m`;
  }
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}
