/* curl_lazy.h: the few libcurl functions `halqa join` calls, loaded on first use (curl_lazy.c). */
#ifndef HALQA_CURL_LAZY_H
#define HALQA_CURL_LAZY_H

#include <stddef.h>

#include <curl/curl.h>

typedef struct cr_curl {
  CURL *(*easy_init)(void);
  CURLcode (*easy_setopt)(CURL *h, CURLoption opt, ...);
  CURLcode (*easy_perform)(CURL *h);
  CURLcode (*easy_getinfo)(CURL *h, CURLINFO info, ...);
  void (*easy_cleanup)(CURL *h);
  const char *(*easy_strerror)(CURLcode rc);
  struct curl_slist *(*slist_append)(struct curl_slist *list, const char *s);
  void (*slist_free_all)(struct curl_slist *list);
} cr_curl;

/* libcurl, loaded the first time (thread-safe); NULL, with why in err, if it cannot be. */
const cr_curl *cr_curl_get(char *err, size_t errlen);

#endif
