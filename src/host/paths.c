/* paths.c: where halqa finds its data and scripts, and where it keeps the user's files. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "halqa.h"
#include "paths.h"

static int is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The bundled folder `what` (data or scripts): beside an installed binary first
** (<prefix>/bin/halqa -> <prefix>/share/halqa/what), else in the source tree it was built from. */
static const char *bundled(const char *what, char *buf, size_t len) {
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) {
      *slash = '\0';
      snprintf(buf, len, "%s/../%s/%s", exe, HALQA_SHARE_REL, what);
      if (is_dir(buf)) return buf;
    }
  }
  snprintf(buf, len, "%s/%s", HALQA_SOURCE_DIR, what);
  return is_dir(buf) ? buf : NULL;
}

const char *hq_default_data_dir(void) {
  static char buf[PATH_MAX + 64];
  return bundled("data", buf, sizeof buf);
}

const char *hq_default_scripts_dir(void) {
  static char buf[PATH_MAX + 64];
  return bundled("scripts", buf, sizeof buf);
}

const char *hq_default_web_dir(void) {
  static char buf[PATH_MAX + 64];
  return bundled("web", buf, sizeof buf);
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
