/* filelock.h — advisory locks (flock(2)) that tell a file in use by a
 * running Rapport from one a stopped program left behind, and the
 * cleaning-up that this allows. A small API for every kind of record
 * (journals, results, class results): a lock dies with its process, so
 * a file nobody holds locked belongs to nobody.
 *
 * Files: the program that uses a file (a journal while its call goes on)
 * holds it locked; others take the lock without waiting before they read,
 * save or delete it (filelock_take), and leave it alone when it is busy.
 * filelock_take checks, once locked, that the path still names the file it
 * locked, so a file removed (or replaced) meanwhile is reported as gone.
 *
 * Folders of temporary files: a writer holds the folder it writes in
 * locked shared while its temporary files exist (filelock_dir_enter).
 * Whoever gets the folder exclusive knows no writer is at work there, so
 * every temporary file (a name that starts with FILELOCK_TEMP_PREFIX) is
 * an orphan of a program stopped while saving: filelock_dir_enter removes
 * those before it returns, and says so with a warning.
 *
 * Where the file system has no locks (ENOLCK, EOPNOTSUPP: some network
 * file systems), files are treated as free and no folder is swept: the
 * behaviour without locking, never a refusal.
 *
 * Ownership: filelock_take / filelock_dir_enter return a lock (NULL on
 * failure) released with filelock_release (NULL accepted), which closes
 * its descriptor. Nothing keeps a pointer to the strings given.
 *
 * Errors: as the core does, NULL or a status and a diagnostic in diags
 * (may be NULL); never prints.
 */
#ifndef RAPPORT_FILELOCK_H
#define RAPPORT_FILELOCK_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* The names of every temporary file Rapport writes before renaming or
 * linking it into place (mkstemp templates are PREFIX "XXXXXX"). */
#define FILELOCK_TEMP_PREFIX ".rapport-"

typedef struct filelock filelock;

typedef enum {
    FILELOCK_TAKEN, /* locked by us (or the file system has no locks) */
    FILELOCK_BUSY,  /* a running program holds it */
    FILELOCK_GONE,  /* no such file (removed meanwhile) */
    FILELOCK_FAILED /* cannot open it; an error in diags */
} filelock_status;

/* Opens path (which must exist; open flags such as O_RDWR, O_RDONLY) and
 * locks it exclusive without waiting. On FILELOCK_TAKEN *out holds the
 * lock; otherwise *out is NULL. */
filelock_status filelock_take(const char *path, int open_flags, filelock **out,
                              diag_list *diags);

/* Locks an open descriptor exclusive without waiting (a file just
 * created): FILELOCK_TAKEN, FILELOCK_BUSY or FILELOCK_FAILED (errno set). */
filelock_status filelock_try_fd(int fd);

/* The locked file's descriptor and path. */
int filelock_fd(const filelock *l);
const char *filelock_path(const filelock *l);

/* Unlocks and closes. NULL accepted. */
void filelock_release(filelock *l);

/* Enters dir (which must exist) as a writer of temporary files: removes
 * the orphaned temporary files there when no other writer is at work
 * (their count goes to *swept, may be NULL; a warning names how many) and
 * returns holding dir shared until filelock_release. NULL (with a
 * warning: the writer may go on) only when dir cannot be opened; a file
 * system without locks gives a lock that holds nothing. */
filelock *filelock_dir_enter(const char *dir, size_t *swept, diag_list *diags);

#endif
