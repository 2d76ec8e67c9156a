/* SPDX-License-Identifier: Apache-2.0 */
/* model_v2.h - MODEL v2 part 2 (issue 13): helpers of model.c's goal linking for
 * goals under several parents (model_scale.c). Inside the core only. */
#ifndef SR_MODEL_V2_H
#define SR_MODEL_V2_H
#include "model.h"

/* Resets the parents lists; true when some goal names more than one parent (then
 * cycles are looked for downwards through every link). */
bool model_link_prepare(sr_model *m);
/* How many goals name parent in their overordnad list after its first token. */
size_t model_extra_adopted_count(const sr_model *m, const mal *parent);
/* True when p is g or is reached from g through kids. */
bool model_reaches_down(const sr_model *m, const mal *g, const mal *p);
bool model_has_parent(const mal *g, const mal *p);
void model_add_parent(arena *a, mal *g, mal *p);
#endif
