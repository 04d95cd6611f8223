// What the page offers on a slot, mirroring the server's rules (the server decides; this only avoids offering what it
// would refuse). Booking: anyone on an open calendar, a signed-in user on a signed-in one, nobody on a retired one.
// Cancelling: your own booking; any booking for an admin; and, for a visitor who is not signed in, a booking on an open
// calendar (as in the seed; the server refuses if the booking has an owner). A signed-in user who is not an admin is
// not offered others' bookings: broadcasts do not say whether a booking has an owner.

// "open" or "signed_in" (GET /calendars writes these; configuration also takes "Open" and "SignedIn"); a server that does
// not say follows its defaults (the default calendar open, others for signed-in users).
export function accessOf(calendar) {
  const access = typeof calendar.access === "string" ? calendar.access.toLowerCase() : null;
  if (access === "open") return "open";
  if (access === "signed_in" || access === "signedin") return "signed_in";
  return calendar.id === "default" ? "open" : "signed_in";
}

// Whether a click on the slot does something: book it when free, cancel it when booked.
export function offers(rights, booked) {
  return booked ? rights.cancel : rights.book;
}

// { mine, book, cancel, signInToBook } for one slot of `calendar` as the viewer sees it.
export function rightsOn(calendar, viewer, { booked, mine }) {
  const open = accessOf(calendar) === "open";
  if (!booked) {
    const signInToBook = !calendar.retired && !open && !viewer.signedIn;
    return { mine: false, book: !calendar.retired && !signInToBook, cancel: false, signInToBook };
  }
  return { mine, book: false, cancel: mine || viewer.isAdmin || (!viewer.signedIn && open), signInToBook: false };
}
