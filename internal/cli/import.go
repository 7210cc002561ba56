package cli

import "context"

// runImport dispatches "import incomes FILE" and "import payments FILE".
func runImport(ctx context.Context, env Env) error {
	if len(env.Args) == 0 {
		return Usagef("import: say 'incomes FILE.csv' or 'payments FILE.csv'")
	}
	sub := env.Args[0]
	env.Args = env.Args[1:]
	switch sub {
	case "incomes":
		return runImportIncomes(ctx, env)
	case "payments":
		return runImportPayments(ctx, env)
	}
	return Usagef("import: unknown kind %q: say 'incomes FILE.csv' or 'payments FILE.csv'", sub)
}
