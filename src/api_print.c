/* SPDX-License-Identifier: Apache-2.0 */
/* api_print.c - the one format of a diagnostic line, for callers that print their own
 * (the command line's batch messages) as well as for the report's diagnostics. */
#include "api_private.h"

void sr_print_diagnostic(FILE *out, const sr_diagnostic *d)
{
	diag_print_line(out, d->file ? d->file : "-", d->line, d->error ? "fel" : "varning", d->code,
	                d->message);
}

void sr_print_name(FILE *out, const char *name)
{
	diag_put_escaped(out, name);
}
