/* SPDX-License-Identifier: Apache-2.0 */
/* api_output.c - the output files of a render, written so that nothing is lost
 * (issue 11): no name-based step between a temporary file's creation and its rename,
 * the umask respected and a replaced file's mode kept, every file renamed into place
 * together or none, and the temporary files removed when the process is interrupted. */
#include "api_output.h"
#include "arena.h"
#include "styrrapport.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* ---- the temporary files a signal handler must remove ----
 * A fixed table, the one piece of global state here: a handler can use nothing else.
 * A slot's state is changed only by compare-and-swap; a BUSY slot is being created or
 * renamed by a thread that has blocked the signals, and the handler waits for it. */
/* REMOVING: the signal handler is removing the slot's file in some thread; its dirfd
 * and name stay valid until it is DEAD (slot_release waits for that). */
enum { SLOT_FREE, SLOT_BUSY, SLOT_ACTIVE, SLOT_REMOVING, SLOT_DEAD };
enum { SLOTS = 64, TEMP_NAME_MAX = 48 };
_Static_assert(ATOMIC_INT_LOCK_FREE == 2, "the signal handler needs lock-free atomics");

static struct temp_slot {
	atomic_int state;
	int dirfd;
	bool is_dir;           /* a website's temporary folder: removed with what is in it */
	dev_t dev;             /* of that folder, to remove only our own */
	ino_t ino;
	char name[TEMP_NAME_MAX];
} slots[SLOTS];

#define TEMP_PREFIX ".styrrapport-tmp-"

static bool slot_move(int i, int from, int to)
{
	return atomic_compare_exchange_strong(&slots[i].state, &from, to);
}

/* Removes what is in the folder fd, folders depth levels deep at most (the website:
 * its files, fonts/ and bilder/), never through a symbolic link. Async-signal-safe
 * (getdents64, openat, unlinkat: no memory is allocated). */
static void clear_folder(int fd, int depth)
{
	_Alignas(8) char buf[2048];
	for (;;) {
		long n = syscall(SYS_getdents64, fd, buf, sizeof buf);
		if (n <= 0)
			return;
		bool removed = false;
		for (long off = 0; off < n;) {
			struct linux_dirent64 {
				uint64_t d_ino;
				int64_t d_off;
				unsigned short d_reclen;
				unsigned char d_type;
				char d_name[];
			} *e = (struct linux_dirent64 *)(buf + off);
			off += e->d_reclen;
			const char *en = e->d_name;
			if (en[0] == '.' && (!en[1] || (en[1] == '.' && !en[2])))
				continue;
			if (unlinkat(fd, en, 0) == 0) {
				removed = true;
			} else if (errno == EISDIR && depth > 0) {
				int sub = openat(fd, en, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
				if (sub >= 0) {
					clear_folder(sub, depth - 1);
					close(sub);
				}
				removed |= unlinkat(fd, en, AT_REMOVEDIR) == 0;
			}
		}
		if (removed)   /* from the start again: removing may reorder the entries */
			lseek(fd, 0, SEEK_SET);
	}
}

/* Removes the folder name in dirfd with its content, only when it is the folder
 * dev/ino and never through a symbolic link. Another thread of the process may still
 * be writing into it by its path (a batch): the folder is first moved aside to a name
 * of its own ("…~"), so that thread's next file fails at once, and then emptied again,
 * a millisecond apart for at most ~5 s, until it can be removed (the deb build's
 * batch test saw a site left when 1 000 quick rounds ran out while a thread wrote on).
 * Async-signal-safe. */
static void remove_folder_at(int dirfd, const char *name, dev_t dev, ino_t ino)
{
	int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return;
	struct stat st;
	if (fstat(fd, &st) != 0 || st.st_dev != dev || st.st_ino != ino) {
		close(fd);
		return;
	}
	char aside[TEMP_NAME_MAX + 2];
	size_t n = 0;
	for (; name[n] && n < TEMP_NAME_MAX; n++)
		aside[n] = name[n];
	aside[n] = '~';
	aside[n + 1] = '\0';
	if (renameat(dirfd, name, dirfd, aside) == 0)
		name = aside;
	for (int round = 0; round < 5000; round++) {
		lseek(fd, 0, SEEK_SET);
		clear_folder(fd, 2);
		if (unlinkat(dirfd, name, AT_REMOVEDIR) == 0 || errno != ENOTEMPTY)
			break;
		struct timespec ms = {0, 1000000};
		nanosleep(&ms, NULL);
	}
	close(fd);
}

/* Removes what slot i names (a file, or a folder with its content). */
static void remove_slot(int i)
{
	if (slots[i].is_dir)
		remove_folder_at(slots[i].dirfd, slots[i].name, slots[i].dev, slots[i].ino);
	else
		unlinkat(slots[i].dirfd, slots[i].name, 0);
}

/* Set by sr_remove_temp_files: the process is ending, no new temporary file is made
 * (a thread that claims a slot after the handler's last look would leave its file). */
static atomic_int stopping;

void sr_remove_temp_files(void)
{
	int saved = errno;
	atomic_store(&stopping, 1);
	/* At most ~10 s for renames under way (each a few system calls). */
	for (int round = 0; round < 10000; round++) {
		bool busy = false;
		for (int i = 0; i < SLOTS; i++) {
			int st = atomic_load(&slots[i].state);
			if (st == SLOT_ACTIVE && slot_move(i, SLOT_ACTIVE, SLOT_REMOVING)) {
				remove_slot(i);
				atomic_store(&slots[i].state, SLOT_DEAD);
			}
			else if (st == SLOT_BUSY || st == SLOT_ACTIVE)
				busy = true;
		}
		if (!busy)
			break;
		struct timespec ms = {0, 1000000};
		nanosleep(&ms, NULL);
	}
	errno = saved;
}

/* Frees slot i, once the signal handler is done with it if it is removing the slot's
 * file in another thread: closing the dirfd or reusing the name before that made the
 * handler's removal fail (EBADF: the deb build's batch test left a site behind). */
static void slot_release(int i)
{
	while (atomic_load(&slots[i].state) == SLOT_REMOVING) {
		struct timespec ms = {0, 1000000};
		nanosleep(&ms, NULL);
	}
	atomic_store(&slots[i].state, SLOT_FREE);
}

/* The signals a program ends a run with; blocked in this thread while a slot is BUSY. */
static void block_signals(sigset_t *old)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

static void restore_signals(const sigset_t *old)
{
	pthread_sigmask(SIG_SETMASK, old, NULL);
}

static int claim_slot(void)
{
	for (int i = 0; i < SLOTS; i++)
		if (slot_move(i, SLOT_FREE, SLOT_BUSY))
			return i;
	return -1;
}

/* ".styrrapport-tmp-" + 10 random letters + the target's .pdf/.xml: recognisable, and
 * hidden from a plain `ls`. */
static void temp_name(char *out, const char *base)
{
	static const char alnum[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	unsigned char rnd[10];
	if (getrandom(rnd, sizeof rnd, GRND_NONBLOCK) != (ssize_t)sizeof rnd) {
		struct timespec t;
		clock_gettime(CLOCK_MONOTONIC, &t);
		unsigned long x = (unsigned long)t.tv_nsec ^ ((unsigned long)getpid() << 16) ^ (unsigned long)(uintptr_t)out;
		for (size_t i = 0; i < sizeof rnd; i++, x = x * 6364136223846793005UL + 1442695040888963407UL)
			rnd[i] = (unsigned char)(x >> 33);
	}
	size_t n = strlen(base);
	const char *ext = n > 4 && (!strcmp(base + n - 4, ".pdf") || !strcmp(base + n - 4, ".xml")) ? base + n - 4 : "";
	char letters[sizeof rnd + 1];
	for (size_t i = 0; i < sizeof rnd; i++)
		letters[i] = alnum[rnd[i] % (sizeof alnum - 1)];
	letters[sizeof rnd] = '\0';
	snprintf(out, TEMP_NAME_MAX, TEMP_PREFIX "%s%s", letters, ext);
}

/* Creates the temporary file of f in a slot: exclusively (never an existing file or a
 * link), mode 0666 so that the umask applies as to any new file, or 0600 when a file
 * with its own mode is replaced (fchmod sets that mode at the end). */
static int create_temp(out_file *f)
{
	sigset_t old;
	block_signals(&old);
	int i = claim_slot();
	if (i < 0) {
		restore_signals(&old);
		errno = EMFILE;
		return -1;
	}
	int fd = -1;
	errno = ECANCELED;
	for (int tries = 0; tries < 100 && fd < 0 && !atomic_load(&stopping); tries++) {
		temp_name(slots[i].name, f->base);
		fd = openat(f->dirfd, slots[i].name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		            f->keep_mode ? 0600 : 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	int err = errno;
	if (fd >= 0) {
		slots[i].dirfd = f->dirfd;
		slots[i].is_dir = false;
		atomic_store(&slots[i].state, SLOT_ACTIVE);
		f->slot = i;
	} else {
		atomic_store(&slots[i].state, SLOT_FREE);
	}
	restore_signals(&old);
	errno = err;
	return fd;
}

/* ---- opening the targets ---- */

/* The process's own descriptors (/dev/stdout, /dev/fd/1, /proc/self/fd/1): written
 * through a copy of that descriptor, never replaced. The number, or -1. */
static int own_descriptor(const char *path)
{
	static const char *const prefix[] = {"/dev/fd/", "/proc/self/fd/"};
	if (!strcmp(path, "/dev/stdout"))
		return 1;
	if (!strcmp(path, "/dev/stderr"))
		return 2;
	if (!strcmp(path, "/dev/stdin"))
		return 0;
	for (size_t i = 0; i < 2; i++) {
		size_t n = strlen(prefix[i]);
		if (strncmp(path, prefix[i], n) != 0 || !path[n])
			continue;
		char *end;
		long fd = strtol(path + n, &end, 10);
		if (*end == '\0' && fd >= 0 && fd < INT_MAX && path[n] >= '0' && path[n] <= '9')
			return (int)fd;
	}
	return -1;
}

static bool refuse_kind(diag_sink *d, const char *target, const char *why)
{
	diag_add(d, D_OUT_KIND, target, 0, "%s", why);
	return false;
}

/* A device or pipe that exists: opened without waiting (a FIFO nobody reads is
 * refused, not waited on), then written normally. */
static bool open_stream(out_file *f, diag_sink *d, int own, const struct stat *st)
{
	if (own >= 0) {
		f->fd = fcntl(own, F_DUPFD_CLOEXEC, 3);
		if (f->fd < 0) {
			diag_add(d, D_FILE_WRITE, f->target, 0, "kan inte skriva %s: %s", f->target,
			         diag_strerror(errno));
			return false;
		}
		f->stream = true;
		return true;
	}
	if (!S_ISCHR(st->st_mode) && !S_ISFIFO(st->st_mode))
		return refuse_kind(d, f->target, S_ISBLK(st->st_mode)
		                   ? "utfilen är en blockenhet (en disk); PDF:en skrivs bara till en vanlig fil, en terminal, /dev/null eller ett rör"
		                   : "utfilen är ett uttag (socket); PDF:en skrivs bara till en vanlig fil, en terminal, /dev/null eller ett rör");
	f->fd = open(f->target, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (f->fd < 0 && errno == ENXIO)
		return refuse_kind(d, f->target, "ingen läser från röret (FIFO); PDF:en skrivs inte dit "
		                   "(starta läsaren först, eller välj en vanlig fil med -o)");
	if (f->fd < 0) {
		diag_add(d, D_FILE_WRITE, f->target, 0, "kan inte skriva %s: %s", f->target, diag_strerror(errno));
		return false;
	}
	int fl = fcntl(f->fd, F_GETFL);
	if (fl >= 0)
		fcntl(f->fd, F_SETFL, fl & ~O_NONBLOCK);
	f->stream = true;
	return true;
}

static bool open_folder(out_file *f, diag_sink *d)
{
	char *copy = xstrdup(f->target);
	char *slash = strrchr(copy, '/');
	const char *dir = ".";
	if (slash) {
		*slash = '\0';
		dir = slash == copy ? "/" : copy;
	}
	f->base = xstrdup(slash ? slash + 1 : f->target);
	f->dirfd = *f->base ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
	int err = *f->base ? errno : EISDIR;
	free(copy);
	if (f->dirfd < 0) {
		diag_add(d, D_FILE_WRITE, f->target, 0, "kan inte skapa en fil i utmappen: %s", diag_strerror(err));
		return false;
	}
	return true;
}

static bool open_one(out_file *f, diag_sink *d, bool regular_only, out_hook_fn hook,
                     void *ctx, size_t i)
{
	const char *manifest_only = "en vanlig fil (eller ett nytt namn) krävs med --manifest: manifestet "
	                            "intygar storleken och kontrollsumman av en fil som diariet sparar";
	int own = own_descriptor(f->target);
	struct stat st = {0};
	bool exists = own < 0 && stat(f->target, &st) == 0;
	if (own < 0 && !exists && errno != ENOENT) {
		diag_add(d, D_FILE_WRITE, f->target, 0, "kan inte skapa en fil i utmappen: %s", diag_strerror(errno));
		return false;
	}
	if (exists && S_ISDIR(st.st_mode))
		return refuse_kind(d, f->target, "utfilen är en mapp");
	if (own >= 0 || (exists && !S_ISREG(st.st_mode)))
		return regular_only ? refuse_kind(d, f->target, manifest_only) : open_stream(f, d, own, &st);
	f->keep_mode = exists;
	f->mode = exists ? (st.st_mode & 0777) : 0;
	if (!open_folder(f, d))
		return false;
	f->fd = create_temp(f);
	if (f->fd < 0) {
		diag_add(d, D_FILE_WRITE, f->target, 0, "kan inte skapa en fil i utmappen: %s", diag_strerror(errno));
		return false;
	}
	struct stat t;
	if (fstat(f->fd, &t) == 0) {
		f->dev = t.st_dev;
		f->ino = t.st_ino;
	}
	if (hook)
		hook(ctx, OUT_HOOK_CREATED, i, f->dirfd, slots[f->slot].name, f->target);
	return true;
}

bool out_open(out_set *s, diag_sink *d, const char *const targets[], size_t n,
              bool regular_only, out_hook_fn hook, void *hook_ctx)
{
	memset(s, 0, sizeof *s);
	s->hook = hook;
	s->hook_ctx = hook_ctx;
	bool ok = true;
	for (size_t i = 0; i < n && i < OUT_MAX; i++) {
		out_file *f = &s->f[s->n++];
		*f = (out_file){.target = targets[i], .dirfd = -1, .fd = -1, .slot = -1};
		ok = open_one(f, d, regular_only, hook, hook_ctx, i);
		if (!ok)   /* the first target refused is enough: nothing more is created */
			break;
	}
	if (!ok)
		out_close(s);
	return ok;
}

bool out_write(out_set *s, diag_sink *d, size_t i, const void *buf, size_t len, const char *what)
{
	out_file *f = &s->f[i];
	const unsigned char *p = buf;
	while (len > 0) {
		ssize_t w = write(f->fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			diag_add(d, D_FILE_WRITE, f->target, 0, "%s kunde inte skrivas: kan inte skriva %s: %s",
			         what, f->target, diag_strerror(w < 0 ? errno : EIO));
			return false;
		}
		p += w;
		len -= (size_t)w;
	}
	return true;
}

/* ---- committing ---- */

/* Does the temporary file's name still lead to the file we wrote? Someone who can write
 * in the folder could have replaced it (with a link to another file) meanwhile. */
static bool still_ours(const out_file *f)
{
	struct stat st;
	return fstatat(f->dirfd, slots[f->slot].name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	       S_ISREG(st.st_mode) && st.st_dev == f->dev && st.st_ino == f->ino;
}

static bool sync_one(out_file *f, diag_sink *d)
{
	if (f->stream)
		return true;
	if ((f->keep_mode && fchmod(f->fd, f->mode) != 0) || fsync(f->fd) != 0) {
		diag_add(d, D_FILE_WRITE, f->target, 0, "kan inte skriva %s: %s", f->target, diag_strerror(errno));
		return false;
	}
	return true;
}

/* Renames f into place; an existing target is exchanged with the temporary file, so
 * that it can be put back if a later file fails. */
static int rename_one(out_set *s, size_t i)
{
	out_file *f = &s->f[i];
	int hooked = s->hook ? s->hook(s->hook_ctx, OUT_HOOK_RENAME, i, f->dirfd, slots[f->slot].name, f->target) : 0;
	if (hooked)
		return hooked;
	const char *tmp = slots[f->slot].name;
	if (renameat2(f->dirfd, tmp, f->dirfd, f->base, RENAME_EXCHANGE) == 0) {
		f->done = OUT_EXCHANGED;
		return 0;
	}
	if (errno == ENOENT && renameat2(f->dirfd, tmp, f->dirfd, f->base, RENAME_NOREPLACE) == 0) {
		f->done = OUT_CREATED;
		return 0;
	}
	if (errno != EINVAL && errno != ENOSYS)
		return errno;
	/* a file system without renameat2 flags: a plain rename, which cannot be undone */
	if (renameat(f->dirfd, tmp, f->dirfd, f->base) != 0)
		return errno;
	f->done = OUT_REPLACED;
	return 0;
}

/* Puts back what rename_one did, newest first. */
static void roll_back(out_set *s, size_t upto)
{
	while (upto-- > 0) {
		out_file *f = &s->f[upto];
		if (f->stream)
			continue;
		if (f->done == OUT_EXCHANGED)
			renameat2(f->dirfd, slots[f->slot].name, f->dirfd, f->base, RENAME_EXCHANGE);
		else if (f->done == OUT_CREATED)
			unlinkat(f->dirfd, f->base, 0);
		f->done = OUT_NOT_RENAMED;
	}
}

/* Renames every file into place, or none. Called with the signals blocked and every
 * slot BUSY, so an interrupt cannot leave half a commit. */
static bool rename_all(out_set *s, diag_sink *d)
{
	for (size_t i = 0; i < s->n; i++) {
		out_file *f = &s->f[i];
		if (f->stream)
			continue;
		if (!still_ours(f)) {
			roll_back(s, i);
			diag_add(d, D_FILE_WRITE, f->target, 0, "den tillfälliga filen %s byttes ut under körningen "
			         "(någon annan skriver i utmappen); inget skrevs", slots[f->slot].name);
			return false;
		}
		int err = rename_one(s, i);
		if (err) {
			roll_back(s, i);
			diag_add(d, D_FILE_WRITE, f->target, 0, "%s kunde inte ersättas: %s; ingen av utfilerna ändrades",
			         f->target, diag_strerror(err));
			return false;
		}
	}
	return true;
}

/* Test hook: STYRRAPPORT_TEST_SIGNAL=INT|TERM|HUP sends that signal to this thread
 * when every temporary file is written and none renamed (tests/e2e/output.sh). */
void out_test_signal(void)
{
	static atomic_int raised;   /* once per process: one signal, as from outside */
	if (atomic_exchange(&raised, 1))
		return;
	const char *e = getenv("STYRRAPPORT_TEST_SIGNAL");
	int sig = !e ? 0 : !strcmp(e, "INT") ? SIGINT : !strcmp(e, "TERM") ? SIGTERM : !strcmp(e, "HUP") ? SIGHUP : 0;
	if (sig)
		raise(sig);
}

bool out_commit(out_set *s, diag_sink *d)
{
	for (size_t i = 0; i < s->n; i++)
		if (!sync_one(&s->f[i], d))
			return false;
	for (size_t i = 0; s->hook && i < s->n; i++)
		if (!s->f[i].stream)
			s->hook(s->hook_ctx, OUT_HOOK_WRITTEN, i, s->f[i].dirfd, slots[s->f[i].slot].name, s->f[i].target);
	out_test_signal();
	sigset_t old;
	block_signals(&old);
	bool ok = true;
	for (size_t i = 0; i < s->n; i++)
		if (!s->f[i].stream && !slot_move(s->f[i].slot, SLOT_ACTIVE, SLOT_BUSY))
			ok = false;   /* removed by sr_remove_temp_files: the run was interrupted */
	if (!ok)
		diag_add(d, D_FILE_WRITE, s->f[0].target, 0, "körningen avbröts; inget skrevs");
	ok = ok && rename_all(s, d);
	for (size_t i = 0; i < s->n; i++) {
		out_file *f = &s->f[i];
		if (f->stream)
			continue;
		if (f->done == OUT_EXCHANGED)   /* the temporary name now holds the old file */
			unlinkat(f->dirfd, slots[f->slot].name, 0);
		else if (!f->done && atomic_load(&slots[f->slot].state) == SLOT_BUSY && still_ours(f))
			unlinkat(f->dirfd, slots[f->slot].name, 0);
		slot_release(f->slot);
		f->slot = -1;
	}
	restore_signals(&old);
	for (size_t i = 0; ok && i < s->n; i++)
		if (!s->f[i].stream)
			fsync(s->f[i].dirfd);   /* the renames themselves durable */
	return ok;
}

void out_close(out_set *s)
{
	for (size_t i = 0; i < s->n; i++) {
		out_file *f = &s->f[i];
		if (f->slot >= 0) {
			sigset_t old;
			block_signals(&old);
			if (slot_move(f->slot, SLOT_ACTIVE, SLOT_BUSY) && still_ours(f))
				unlinkat(f->dirfd, slots[f->slot].name, 0);
			slot_release(f->slot);
			restore_signals(&old);
			f->slot = -1;
		}
		if (f->fd >= 0)
			close(f->fd);
		if (f->dirfd >= 0)
			close(f->dirfd);
		free(f->base);
		f->fd = f->dirfd = -1;
		f->base = NULL;
	}
	s->n = 0;
}

/* ---- a website's temporary folder ---- */

bool out_dir_open(out_dir *d, const char *target)
{
	*d = (out_dir){.dirfd = -1, .slot = -1};
	char *copy = xstrdup(target);
	char *slash = strrchr(copy, '/');
	while (slash && slash > copy && !slash[1]) {   /* "webb/" is "webb" */
		*slash = '\0';
		slash = strrchr(copy, '/');
	}
	const char *parent = ".";
	if (slash) {
		*slash = '\0';
		parent = slash == copy ? "/" : copy;
	}
	d->parent = xstrdup(parent);
	d->dirfd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int err = errno;
	free(copy);
	if (d->dirfd < 0) {
		errno = err;
		return false;
	}
	sigset_t old;
	block_signals(&old);
	int i = claim_slot();
	bool ok = false;
	err = i < 0 ? EMFILE : ECANCELED;
	for (int tries = 0; i >= 0 && tries < 100 && !ok && !atomic_load(&stopping); tries++) {
		temp_name(slots[i].name, "");
		/* mkdir, not mkdtemp: the umask decides the site's mode, as for the PDF */
		ok = mkdirat(d->dirfd, slots[i].name, 0777) == 0;
		err = errno;
		if (!ok && err != EEXIST)
			break;
	}
	struct stat st;
	if (ok && fstatat(d->dirfd, slots[i].name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
		err = errno;
		unlinkat(d->dirfd, slots[i].name, AT_REMOVEDIR);
		ok = false;
	}
	if (ok) {
		slots[i].dirfd = d->dirfd;
		slots[i].is_dir = true;
		slots[i].dev = st.st_dev;
		slots[i].ino = st.st_ino;
		d->slot = i;
		size_t n = strlen(d->parent) + strlen(slots[i].name) + 2;
		d->path = xmalloc(n);
		snprintf(d->path, n, "%s/%s", d->parent, slots[i].name);
		atomic_store(&slots[i].state, SLOT_ACTIVE);
	} else if (i >= 0) {
		atomic_store(&slots[i].state, SLOT_FREE);
	}
	restore_signals(&old);
	if (!ok) {
		out_dir_close(d);
		errno = err;
	}
	return ok;
}

bool out_dir_claim(out_dir *d)
{
	block_signals(&d->mask);
	d->blocked = true;
	return slot_move(d->slot, SLOT_ACTIVE, SLOT_BUSY);
}

void out_dir_close(out_dir *d)
{
	if (d->slot >= 0) {
		if (!d->blocked) {
			block_signals(&d->mask);
			d->blocked = true;
			slot_move(d->slot, SLOT_ACTIVE, SLOT_BUSY);
		}
		/* BUSY: ours to remove (DEAD: the signal handler has removed it already) */
		if (atomic_load(&slots[d->slot].state) == SLOT_BUSY)
			remove_slot(d->slot);
		slot_release(d->slot);
		d->slot = -1;
	}
	if (d->blocked)
		restore_signals(&d->mask);
	d->blocked = false;
	if (d->dirfd >= 0)
		close(d->dirfd);
	d->dirfd = -1;
	free(d->path);
	free(d->parent);
	d->path = d->parent = NULL;
}
