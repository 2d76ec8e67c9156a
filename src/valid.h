/* SPDX-License-Identifier: Apache-2.0 */
/* valid.h - semantic validation: the rules of MODEL.md that the XSD cannot express. */
#ifndef SR_VALID_H
#define SR_VALID_H
#include "diag.h"
#include "model.h"

/* Checks every semantic rule of MODEL.md that the XSD cannot (except the economy
 * sums, balance and financial-goal rules, which calc_check_economy does). Adds every
 * problem to d; never stops at the first. The model came from the loader and passed
 * the XSD, so required fields are present, but references and values may be wrong.
 * For a contribution (m->contribution) only the checks that need no main report run. */
void valid_check(const sr_model *m, diag_sink *d);
#endif
