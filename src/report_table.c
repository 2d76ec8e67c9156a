/* report_table.c - MODEL v2 part 1 (issue 12): tables and pictures in the text. */
#include "report_private.h"

void report_v2_block(report_ctx *c, const block *b)
{
	(void)c;
	(void)b;
}
