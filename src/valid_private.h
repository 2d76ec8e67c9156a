/* SPDX-License-Identifier: Apache-2.0 */
/* valid_private.h - shared by the valid*.c files only: the per-area rule groups
 * that valid_check dispatches to. Each adds its problems to d and returns. */
#ifndef SR_VALID_PRIVATE_H
#define SR_VALID_PRIVATE_H
#include "diag.h"
#include "model.h"
#include <stdbool.h>
#include <stddef.h>

/* Line of a location, file of a location (the main file when unknown). */
#define VLOC(m, l) ((l).file ? (l).file : (m)->file), (l).line

/* valid_dnr.c: diarienummer and ersatter against kommun/@diarieformat. */
void valid_diarium(const sr_model *m, diag_sink *d);
/* valid_text.c: template placeholders and characters above U+FFFF in m->texts. */
struct font_cover;
/* c: the fonts' coverage (valid_font.h); NULL warns every character above U+FFFF. */
void valid_texts(const sr_model *m, diag_sink *d, const struct font_cover *c);
/* valid_logo.c: kommun/logotyp path, existence, format and full decoding; the decoded
 * image goes into keep (when not NULL), else it is freed. */
struct img_list;
void valid_logo_keep(const sr_model *m, diag_sink *d, struct img_list *keep);
/* valid_rows.c: driftredovisning, investeringar and personal rows. */
void valid_rows(const sr_model *m, diag_sink *d);
/* valid_goals.c: levels, parents, indicators, assessments of the goal tree. */
void valid_goals(const sr_model *m, diag_sink *d);
/* valid_goals.c: the parts of the goal rules that need no organisation. */
void valid_goal_values(const sr_model *m, diag_sink *d);

/* valid_scale.c: MODEL v2 part 2 (issue 13): scale, trend targets, parent lists,
 * ranges, uppdrag, nyckeltal, kontroller, namndbidrag nämnd. */
void valid_v2_part2(const sr_model *m, diag_sink *d);

/* valid.c: reports an id reference `ref` (attribute attr on element elem) that names
 * no element of kind `want`: D_REF_KIND when the id exists on another element,
 * else `missing` (D_REF_MISSING or D_LEVEL_MISSING). Returns true when it resolves. */
bool valid_ref(const sr_model *m, diag_sink *d, const char *ref, const char *want,
               const char *attr, const char *elem, src_loc loc, enum diag_code missing);
/* valid.c: "rad 12", or "rad 12 i FILE" when other is in another file than here;
 * for messages that point at an earlier element. Returns buf. */
const char *valid_where(const sr_model *m, src_loc other, src_loc here, char *buf, size_t n);
/* ---- MODEL v2 part 1 (issue 12) ---- */
/* valid_table.c: tabeller, räkningar v2, driftredovisning v2, sjukfrånvaro. */
void valid_tables(const sr_model *m, diag_sink *d);
/* valid_bild.c: every bild (path, existence, format, alt); decoded pictures go to keep
 * (may be NULL) under model_bild_path's name. */
void valid_bilder(const sr_model *m, diag_sink *d, struct img_list *keep);
/* valid_logo.c: the path rules shared with bild. valid_href_is_absolute: empty, absolute
 * or an address; valid_document_folder: realpath of file's folder (caller frees). */
bool valid_href_is_absolute(const char *href);
char *valid_document_folder(const char *file);

/* valid.c: true when s is a real ISO date YYYY-MM-DD; fills y, mo, da when non-NULL. */
bool valid_parse_date(const char *s, int *y, int *mo, int *da);
/* valid.c: days in month mo (1..12) of year y. */
int valid_month_days(int y, int mo);
#endif
