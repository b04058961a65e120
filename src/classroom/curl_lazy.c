/* curl_lazy.c: libcurl loaded with dlopen when `halqa join` first needs it, not at start-up. */
/*
** libcurl brings GnuTLS, Kerberos, LDAP, SSH and a dozen more libraries, whose loading and
** relocation cost every start of halqa about 3 ms (more than everything else halqa does to start)
** though only `halqa join` ever uses them. So halqa does not link libcurl: the headers are used
** at build time as before (CMake still requires libcurl for `join`), and this file opens the
** library by its ABI name the first time a student joins.
*/
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#include "curl_lazy.h"

#define CURL_SONAME "libcurl.so.4" /* libcurl's ABI since 2006 */

static cr_curl api;
static const cr_curl *loaded;
static char why[256];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int resolve(void *lib, void **slot, const char *name) {
  *slot = dlsym(lib, name);
  if (!*slot) snprintf(why, sizeof why, "%s has no %s", CURL_SONAME, name);
  return *slot != NULL;
}

static void load(void) {
  void *lib = dlopen(CURL_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    snprintf(why, sizeof why, "cannot load %s (apt-get install libcurl4): %s", CURL_SONAME, dlerror());
    return;
  }
  if (resolve(lib, (void **)&api.easy_init, "curl_easy_init") &&
      resolve(lib, (void **)&api.easy_setopt, "curl_easy_setopt") &&
      resolve(lib, (void **)&api.easy_perform, "curl_easy_perform") &&
      resolve(lib, (void **)&api.easy_getinfo, "curl_easy_getinfo") &&
      resolve(lib, (void **)&api.easy_cleanup, "curl_easy_cleanup") &&
      resolve(lib, (void **)&api.easy_strerror, "curl_easy_strerror") &&
      resolve(lib, (void **)&api.slist_append, "curl_slist_append") &&
      resolve(lib, (void **)&api.slist_free_all, "curl_slist_free_all"))
    loaded = &api;
}

const cr_curl *cr_curl_get(char *err, size_t errlen) {
  pthread_once(&once, load);
  if (!loaded && err) snprintf(err, errlen, "%s", why);
  return loaded;
}
