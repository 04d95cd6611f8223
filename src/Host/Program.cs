using System.Globalization;
using SlotBooking.Host;
using SlotBooking.Host.Accounts;

// ICU is on (for Unicode normalisation of emails), so the process would otherwise take its number and date formats from
// the machine's locale (LANG): the server's answers and logs never depend on where it runs.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

// "accounts add ..." is the operator's command on the server's database; anything else runs the server.
if (AccountsCommand.IsInvoked(args))
    return await AccountsCommand.RunAsync(args, Console.In, Console.Out, Console.Error, Environment.GetEnvironmentVariable(AccountsCommand.PasswordVariable));

await SlotBookingApp.Create(args).RunAsync();
return 0;
