/* paths.c: where halqa finds its data and scripts, and where it keeps the user's files. */
#define _GNU_SOURCE /* dladdr: where the shared library itself was loaded from */
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "host.h"
#include "paths.h"

static int is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folder holding the file `path` names (in place); 0 when it has no slash. */
static int strip_to_dir(char *path) {
  char *slash = strrchr(path, '/');
  if (!slash) return 0;
  *slash = '\0';
  return 1;
}

/* The bundled folder `what` (data, scripts or web): beside the shared library libhalqa when this
** code is in one (<prefix>/lib/libhalqa.so -> <prefix>/share/halqa/what: a program embedding
** halqa finds it wherever the library was installed), else beside an installed binary
** (<prefix>/bin/halqa -> <prefix>/share/halqa/what), else the source tree it was built from, else
** where `cmake --install` was configured to put it (a static libhalqa in another program). */
static const char *bundled(const char *what, char *buf, size_t len) {
  Dl_info info;
  char dir[PATH_MAX];
  if (dladdr((void *)bundled, &info) && info.dli_fname && strstr(info.dli_fname, ".so")) {
    snprintf(dir, sizeof dir, "%s", info.dli_fname);
    if (strip_to_dir(dir)) {
      snprintf(buf, len, "%s/%s/%s", dir, HALQA_LIB_TO_SHARE, what);
      if (is_dir(buf)) return buf;
    }
  }
  ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
  if (n > 0) {
    dir[n] = '\0';
    if (strip_to_dir(dir)) {
      snprintf(buf, len, "%s/../%s/%s", dir, HALQA_SHARE_REL, what);
      if (is_dir(buf)) return buf;
    }
  }
  snprintf(buf, len, "%s/%s", HALQA_SOURCE_DIR, what);
  if (is_dir(buf)) return buf;
  snprintf(buf, len, "%s/%s", HALQA_SHARE_FULL, what);
  return is_dir(buf) ? buf : NULL;
}

/* Found once for the process, then only read: hosts in many threads share the answer. */
static char data_buf[PATH_MAX + 64], scripts_buf[PATH_MAX + 64], web_buf[PATH_MAX + 64];
static const char *data_dir, *scripts_dir, *web_dir;
static pthread_once_t found = PTHREAD_ONCE_INIT;

static void find_bundled(void) {
  data_dir = bundled("data", data_buf, sizeof data_buf);
  scripts_dir = bundled("scripts", scripts_buf, sizeof scripts_buf);
  web_dir = bundled("web", web_buf, sizeof web_buf);
}

const char *hq_default_data_dir(void) {
  pthread_once(&found, find_bundled);
  return data_dir;
}

const char *hq_default_scripts_dir(void) {
  pthread_once(&found, find_bundled);
  return scripts_dir;
}

const char *hq_default_web_dir(void) {
  pthread_once(&found, find_bundled);
  return web_dir;
}

/* $var/sub if var is set to an absolute path, else $HOME/fallback/sub (the XDG rule). */
static char *xdg(const char *var, const char *fallback, const char *sub) {
  const char *base = getenv(var);
  char buf[PATH_MAX];
  if (base && base[0] == '/')
    snprintf(buf, sizeof buf, "%s/%s", base, sub);
  else {
    const char *home = getenv("HOME");
    if (!home || !*home) return NULL;
    snprintf(buf, sizeof buf, "%s/%s/%s", home, fallback, sub);
  }
  return strdup(buf);
}

char *hq_user_scripts_dir(void) {
  return xdg("XDG_CONFIG_HOME", ".config", "halqa/scripts");
}

char *hq_chunk_cache_dir(void) {
  return xdg("XDG_CACHE_HOME", ".cache", "halqa/chunks");
}

char *hq_history_path(void) {
  return xdg("XDG_STATE_HOME", ".local/state", "halqa/history");
}

int hq_mkdirs(const char *path) {
  char buf[PATH_MAX];
  snprintf(buf, sizeof buf, "%s", path);
  char *slash = strrchr(buf, '/');
  if (!slash || slash == buf) return 0;
  *slash = '\0';
  for (char *p = buf + 1; *p; p++) {
    if (*p != '/') continue;
    *p = '\0';
    if (mkdir(buf, 0700) != 0 && errno != EEXIST) return -1;
    *p = '/';
  }
  if (mkdir(buf, 0700) != 0 && errno != EEXIST) return -1;
  return 0;
}
