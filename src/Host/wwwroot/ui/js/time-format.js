// The server writes instants as ISO-8601 in UTC with microseconds ("2025-07-28T10:30:00.123456+00:00").
// Trim to milliseconds, which every Date parser takes, and read a time without an offset as UTC.
export function parseInstant(text) {
  if (typeof text !== "string" || text === "") return null;
  const trimmed = text.replace(/(\.\d{3})\d+/, "$1");
  const hasOffset = /(?:Z|[+-]\d\d:?\d\d)$/i.test(trimmed);
  const date = new Date(hasOffset ? trimmed : `${trimmed}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

// Formats follow the browser's locale and time zone: that is what "local time" means to the reader.
const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const timeWithSeconds = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const dayAndTime = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
const longDay = new Intl.DateTimeFormat(undefined, { weekday: "long", day: "numeric", month: "long", year: "numeric" });

// A booking made today shows its time; an older one (the slot was booked on another day) shows the date too.
export function formatBookedAt(date, now = new Date()) {
  return isSameLocalDay(date, now) ? timeOfDay.format(date) : dayAndTime.format(date);
}

export function formatClock(date) {
  return timeWithSeconds.format(date);
}

export function formatDay(date) {
  return longDay.format(date);
}

function isSameLocalDay(a, b) {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}
