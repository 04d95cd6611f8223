// What the page offers on a slot, mirroring the server's rules (the server decides; this only avoids offering what it
// would refuse). Booking: anyone on an open calendar, a signed-in user on a signed-in one, nobody on a retired one.
// Cancelling: your own booking; any booking for an admin; and, for a visitor who is not signed in, a booking on an open
// calendar (as in the seed; the server refuses if the booking has an owner). A signed-in user who is not an admin is
// not offered others' bookings: broadcasts do not say whether a booking has an owner.

// "Open" or "SignedIn"; a server that does not say follows its defaults (the default calendar open, others signed-in).
export function accessOf(calendar) {
  return calendar.access ?? (calendar.id === "default" ? "Open" : "SignedIn");
}

// Whether a click on the slot does something: book it when free, cancel it when booked.
export function offers(rights, booked) {
  return booked ? rights.cancel : rights.book;
}

// { mine, book, cancel, signInToBook } for one slot of `calendar` as the viewer sees it.
export function rightsOn(calendar, viewer, { booked, mine }) {
  const open = accessOf(calendar) === "Open";
  if (!booked) {
    const signInToBook = !calendar.retired && !open && !viewer.signedIn;
    return { mine: false, book: !calendar.retired && !signInToBook, cancel: false, signInToBook };
  }
  return { mine, book: false, cancel: mine || viewer.isAdmin || (!viewer.signedIn && open), signInToBook: false };
}
