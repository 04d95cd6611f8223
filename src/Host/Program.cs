using SlotBooking.Host;
using SlotBooking.Host.Accounts;

// "accounts add ..." is the operator's command on the server's database; anything else runs the server.
if (AccountsCommand.IsInvoked(args))
    return await AccountsCommand.RunAsync(args, Console.In, Console.Out, Console.Error, Environment.GetEnvironmentVariable(AccountsCommand.PasswordVariable));

await SlotBookingApp.Create(args).RunAsync();
return 0;
