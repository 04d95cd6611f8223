using SlotBooking.Host;

await SlotBookingApp.Create(args).RunAsync();
