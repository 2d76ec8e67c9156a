/* SPDX-License-Identifier: Apache-2.0 */
/* api_output.h - writing output files so that nothing is lost: each file goes to a
 * new temporary file beside its target (created exclusively, written and synced
 * through its own descriptor), and all of them are renamed into place together at the
 * end, or none. Streams (a terminal, /dev/null, a pipe with a reader, the process's
 * own descriptors) are written directly once their content is complete. Internal to
 * api*.c. */
#ifndef SR_API_OUTPUT_H
#define SR_API_OUTPUT_H
#include "diag.h"
#include <stdbool.h>
#include <stddef.h>
#include <signal.h>
#include <sys/types.h>

/* Where a test hook is called; the race windows of issue 11, made deterministic. */
typedef enum out_hook_stage {
	OUT_HOOK_CREATED,   /* file i's temporary file exists, nothing written yet */
	OUT_HOOK_WRITTEN,   /* every file written and synced, nothing renamed yet (per file) */
	OUT_HOOK_RENAME,    /* file i is about to be renamed into place */
} out_hook_stage;

/* Test-only callback: dirfd and temp are where file i's temporary file is. A nonzero
 * return at OUT_HOOK_RENAME is an errno that rename fails with. */
typedef int (*out_hook_fn)(void *ctx, out_hook_stage stage, size_t i, int dirfd,
                           const char *temp, const char *target);

enum { OUT_MAX = 2 };

typedef struct out_file {
	const char *target;    /* as the caller named it (used in messages) */
	char *base;            /* its last path component */
	int dirfd;             /* the folder it goes into; -1 for a stream */
	int fd;                /* the temporary file, or the stream */
	int slot;              /* in the table the signal handler reads; -1 when none */
	bool stream;
	bool keep_mode;        /* replaces a regular file: its permission bits are kept */
	mode_t mode;
	dev_t dev;             /* of the temporary file, to know it is still ours */
	ino_t ino;
	enum { OUT_NOT_RENAMED, OUT_EXCHANGED, OUT_CREATED, OUT_REPLACED } done;
} out_file;

typedef struct out_set {
	size_t n;
	out_file f[OUT_MAX];
	out_hook_fn hook;
	void *hook_ctx;
} out_set;

/* Prepares n targets. regular_only: every target must be a regular file or a new name
 * (a manifest certifies a file, never a stream). Returns false, with diagnostics in d,
 * when a target cannot be written; then the set holds nothing and need not be closed
 * (closing it is harmless). */
bool out_open(out_set *s, diag_sink *d, const char *const targets[], size_t n,
              bool regular_only, out_hook_fn hook, void *hook_ctx);
/* Writes the whole content of file i (a stream gets it now). */
bool out_write(out_set *s, diag_sink *d, size_t i, const void *buf, size_t len,
               const char *what);
/* Syncs the temporary files and renames all into place, or leaves every target as it
 * was. Returns false with a diagnostic. */
bool out_commit(out_set *s, diag_sink *d);
/* Removes what was not committed, closes every descriptor. */
void out_close(out_set *s);

/* The temporary folder of a website (html.c): a new folder ".styrrapport-tmp-…" beside
 * the target, made with mkdir (the umask decides its mode) and registered, so that
 * sr_remove_temp_files removes it with its content (only that folder: the one made
 * here, never through a link) when the process is interrupted. */
typedef struct out_dir {
	char *path;            /* the temporary folder, for writing into */
	char *parent;          /* the folder the target is in */
	int dirfd;             /* of parent */
	int slot;
	bool blocked;          /* the signals are blocked (out_dir_claim) */
	sigset_t mask;         /* the mask to restore */
} out_dir;

/* false with errno when the folder cannot be made. */
bool out_dir_open(out_dir *d, const char *target);
/* Before the folder is renamed into place: blocks the stop signals until out_dir_close
 * and takes the folder back from the handler; false when a signal has removed it
 * already (the run was interrupted). */
bool out_dir_claim(out_dir *d);
/* Removes whatever has the temporary name now (the new site after a failure, the old
 * one after an exchange, nothing after a plain rename), unregisters it, restores the
 * signals, closes. Harmless on a folder that was never opened. */
void out_dir_close(out_dir *d);
/* Test hook: STYRRAPPORT_TEST_SIGNAL=INT|TERM|HUP raises that signal (called when every
 * output is written and none renamed). */
void out_test_signal(void);
#endif
