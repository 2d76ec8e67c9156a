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
/* The same, keeping every image it decoded (the logo) in images, named as the display
 * list names them, so that the renderer draws the checked pixels and never opens the
 * file again (issue 11). */
struct img_list;
void valid_check_keep(const sr_model *m, diag_sink *d, struct img_list *images);
/* The same, with the fonts' coverage (valid_font.h): a character above U+FFFF that the
 * fallback font draws is no D_CHAR_BMP. */
struct font_cover;
void valid_check_fonts(const sr_model *m, diag_sink *d, struct img_list *images,
                       const struct font_cover *cover);
#endif
