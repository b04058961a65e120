/* lua_save.c: halqa.save(path, text), halqa.can_save(path) and halqa.save_generator(name, text) —
** the one way a script writes a file. */
/*
** A teacher's drill report and a printed worksheet are files, but a script someone else wrote must
** not be able to damage anything with this. So a script can only create a new file: the name ends
** in one of the extensions below (text, and the exports' own: an Anki package, a spreadsheet), no part of the path is hidden (begins with a dot, like ~/.ssh or .config),
** an existing file or link is never replaced (O_EXCL | O_NOFOLLOW), and a failed write removes
** what it began. The file is in the current folder or below it, through no link and no `..`,
** unless the user typed the path in the command (see resolve()); a session writes 1000 files
** and 256 MiB at most. Errors name the path and the reason.
** `halqa import` writes a generator into the user's own scripts folder (given by the host, and
** hidden as ~/.config is): the script names only the generator, never a path, and the same
** new-file-only writing applies.
*/
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lauxlib.h>

#include "bindings.h"

static int allowed_name(const char *path, const char **why) {
  size_t n = strlen(path);
  static const char *const exts[] = {".md", ".csv", ".txt", ".tsv", ".gift", ".aiken", ".xml", ".html", ".json", ".apkg", ".xlsx"};
  int ext_ok = 0;
  for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
    size_t e = strlen(exts[i]);
    if (n > e && strcmp(path + n - e, exts[i]) == 0 && path[n - e - 1] != '/') ext_ok = 1;
  }
  if (!ext_ok) {
    *why = "a script may only write files ending in .md, .csv, .txt, .tsv, .gift, .aiken, .xml, .html, .json, .apkg or .xlsx";
    return 0;
  }
  for (const char *p = path; *p; p++) {
    int start = p == path || p[-1] == '/';
    if (start && p[0] == '.' && p[1] != '/' && !(p[1] == '.' && (p[2] == '/' || p[2] == '\0'))) {
      *why = "a script may not write inside hidden folders or hidden files";
      return 0;
    }
  }
  return 1;
}

/* Where a script may write: a file in the current folder or below it, reached through real
** folders only (each opened with O_NOFOLLOW, so no link leads elsewhere), with no `..` and no
** absolute path; or a path the user typed in the current command (`--report /tmp/class.md`),
** which the host lists in the registry. The folder is opened and kept as a descriptor, and the
** file made relative to it, so what was checked is what is written. */
typedef struct target {
  int dirfd;        /* the folder to write in (close it) */
  const char *base; /* the file's name in it */
} target;

static int user_named(lua_State *L, const char *path) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_USER_PATHS) != LUA_TTABLE) {
    lua_pop(L, 1);
    return 0;
  }
  lua_pushstring(L, path);
  int yes = lua_rawget(L, -2) != LUA_TNIL;
  lua_pop(L, 2);
  return yes;
}

/* Opens the folder path should be written in; 0, or -1 with *why set (a static text or errno). */
static int resolve(lua_State *L, const char *path, target *t, const char **why, int *err) {
  const char *slash = strrchr(path, '/');
  t->base = slash ? slash + 1 : path;
  *err = 0;
  if (user_named(L, path)) {
    char dir[PATH_MAX];
    size_t n = slash ? (size_t)(slash - path) + (slash == path) : 0;
    if (n >= sizeof dir) return *why = "the path is too long", -1;
    memcpy(dir, path, n);
    dir[n] = '\0';
    t->dirfd = open(n ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (t->dirfd < 0) return *err = errno, *why = NULL, -1;
    return 0;
  }
  if (path[0] == '/') return *why = "a script may only write below the current folder (an absolute path must be typed by you, e.g. --report)", -1;
  t->dirfd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (t->dirfd < 0) return *err = errno, *why = NULL, -1;
  const char *p = path;
  while (p < t->base) {
    size_t n = strcspn(p, "/");
    char part[NAME_MAX + 1];
    if (n == 0 || (n == 2 && p[0] == '.' && p[1] == '.') || n > NAME_MAX) {
      close(t->dirfd);
      return *why = n > NAME_MAX ? "a folder name is too long" : "a script may only write below the current folder (no '..', no '//')", -1;
    }
    memcpy(part, p, n);
    part[n] = '\0';
    p += n + 1;
    if (n == 1 && part[0] == '.') continue;
    int fd = openat(t->dirfd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    int e = errno;
    close(t->dirfd);
    t->dirfd = fd;
    if (fd < 0) {
      *err = e;
      *why = e == ELOOP || e == ENOTDIR ? "a folder on the way is a link or not a folder (a script's file is never written through a link)" : NULL;
      return -1;
    }
  }
  return 0;
}

/* Checks path and opens its folder; on failure pushes nil and the reason and returns 2, else 0. */
static int check(lua_State *L, const char *path, target *t) {
  const char *why = NULL;
  int err;
  if (!allowed_name(path, &why) || resolve(L, path, t, &why, &err) != 0) {
    const char *slash = strrchr(path, '/');
    lua_pushnil(L);
    if (why) {
      lua_pushfstring(L, "%s: %s", path, why);
    } else {
      lua_pushlstring(L, path, slash ? (size_t)(slash - path) + (slash == path) : 0);
      const char *dir = lua_tostring(L, -1);
      lua_pushfstring(L, "%s: cannot write in folder '%s': %s", path, *dir ? dir : ".", strerror(err));
      lua_remove(L, -2);
    }
    return 2;
  }
  struct stat st;
  if (fstatat(t->dirfd, t->base, &st, AT_SYMLINK_NOFOLLOW) == 0) {
    close(t->dirfd);
    lua_pushnil(L);
    lua_pushfstring(L, "%s: already exists (halqa never replaces a file; choose another name)", path);
    return 2;
  }
  return 0;
}

/* halqa.can_save(path): true, or nil and why not — so a command can refuse a bad --report before
** a drill rather than after it. The folder must exist and be writable. */
static int l_can_save(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  target t;
  int r = check(L, path, &t);
  if (r) return r;
  /* access() says yes to root on any folder; only making a file shows a read-only disk or /proc */
  char probe[NAME_MAX + 1];
  snprintf(probe, sizeof probe, ".halqa-can-save-%ld", (long)getpid());
  int fd = openat(t.dirfd, probe, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  int e = errno, ok = fd >= 0;
  if (ok) {
    close(fd);
    unlinkat(t.dirfd, probe, 0);
  }
  close(t.dirfd);
  if (!ok) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: cannot write in its folder: %s", path, strerror(e));
    return 2;
  }
  lua_pushboolean(L, 1);
  return 1;
}

/* What one session may write through halqa.save, in all: a script that loops on it fills neither
** the disk nor the folder. */
#define SAVE_CAP ((size_t)256 << 20)
#define SAVE_FILES 1000

typedef struct save_budget {
  size_t bytes;
  int files;
} save_budget;

/* Creates base in dirfd (new, never through a link) with text; pushes true, or nil and why;
** returns the count pushed. A failed write removes what it began. Closes dirfd. */
static int write_new_at(lua_State *L, int dirfd, const char *base, const char *path, const char *text, size_t len) {
  int fd = openat(dirfd, base, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  int e = errno;
  if (fd < 0) {
    close(dirfd);
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(e));
    return 2;
  }
  size_t done = 0;
  while (done < len) {
    ssize_t w = write(fd, text + done, len - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) {
      e = w < 0 ? errno : EIO;
      close(fd);
      unlinkat(dirfd, base, 0);
      close(dirfd);
      lua_pushnil(L);
      lua_pushfstring(L, "%s: %s", path, strerror(e));
      return 2;
    }
    done += (size_t)w;
  }
  if (close(fd) != 0) {
    e = errno;
    unlinkat(dirfd, base, 0);
    close(dirfd);
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(e));
    return 2;
  }
  close(dirfd);
  lua_pushboolean(L, 1);
  return 1;
}

static int write_new(lua_State *L, const char *path, const char *text, size_t len) {
  int dirfd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dirfd < 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    return 2;
  }
  return write_new_at(L, dirfd, path, path, text, len);
}

/* halqa.save(path, text): creates the file with text; true, or nil and why not. What was written
** so far is counted in upvalue 1 (a save_budget) against SAVE_CAP and SAVE_FILES. */
static int l_save(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  size_t len;
  const char *text = luaL_checklstring(L, 2, &len);
  save_budget *used = lua_touserdata(L, lua_upvalueindex(1));
  if (len > SAVE_CAP - used->bytes || used->files >= SAVE_FILES) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: a session may write %d files and %d MiB through halqa.save; %d files and %d MiB are written already",
                    path, SAVE_FILES, (int)(SAVE_CAP >> 20), used->files, (int)(used->bytes >> 20));
    return 2;
  }
  target t;
  int r = check(L, path, &t);
  if (r) return r;
  r = write_new_at(L, t.dirfd, t.base, path, text, len);
  if (r == 1) {
    used->bytes += len;
    used->files++;
  }
  return r;
}

/* mkdir -p for the folders of path (not its last part), mode 0755. */
static int make_parents(const char *path) {
  char buf[PATH_MAX];
  if (strlen(path) >= sizeof buf) return -1;
  strcpy(buf, path);
  for (char *p = buf + 1; *p; p++) {
    if (*p != '/') continue;
    *p = '\0';
    if (mkdir(buf, 0755) != 0 && errno != EEXIST) return -1;
    *p = '/';
  }
  return 0;
}

/* halqa.save_generator(name, text): creates generators/NAME.lua in the user's scripts folder
** (upvalue 1; nil when there is none); true and the path, or nil and why. */
static int l_save_generator(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  size_t len;
  const char *text = luaL_checklstring(L, 2, &len);
  const char *dir = lua_tostring(L, lua_upvalueindex(1));
  int ok = name[0] >= 'a' && name[0] <= 'z' && strlen(name) <= 64;
  for (const char *p = name; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')) ok = 0;
  if (!ok) {
    lua_pushnil(L);
    lua_pushfstring(L, "'%s': a generator name is a small letter, then small letters, digits or '_' (64 at most)", name);
    return 2;
  }
  if (!dir) {
    lua_pushnil(L);
    lua_pushliteral(L, "there is no user scripts folder (set XDG_CONFIG_HOME or HOME)");
    return 2;
  }
  lua_pushfstring(L, "%s/generators/%s.lua", dir, name);
  const char *path = lua_tostring(L, -1);
  struct stat st;
  if (lstat(path, &st) == 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: already exists (halqa never replaces a file; choose another name)", path);
    return 2;
  }
  if (make_parents(path) != 0) {
    int e = errno;
    lua_pushnil(L);
    lua_pushfstring(L, "%s: cannot make its folder: %s", path, strerror(e));
    return 2;
  }
  int r = write_new(L, path, text, len);
  if (r == 1) lua_pushvalue(L, -2); /* true, path */
  return r == 1 ? 2 : r;
}

void hq_open_save_generator(lua_State *L, int api, const char *user_scripts_dir) {
  api = lua_absindex(L, api);
  if (user_scripts_dir) lua_pushstring(L, user_scripts_dir); else lua_pushnil(L);
  lua_pushcclosure(L, l_save_generator, 1);
  lua_setfield(L, api, "save_generator");
}

void hq_open_save(lua_State *L, int api) {
  api = lua_absindex(L, api);
  save_budget *used = lua_newuserdatauv(L, sizeof *used, 0);
  memset(used, 0, sizeof *used);
  lua_pushcclosure(L, l_save, 1);
  lua_setfield(L, api, "save");
  lua_pushcfunction(L, l_can_save);
  lua_setfield(L, api, "can_save");
}
