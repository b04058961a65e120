/* paths.h: where halqa finds its data and scripts, and where it keeps the user's files. */
#ifndef HALQA_PATHS_H
#define HALQA_PATHS_H

char *hq_user_scripts_dir(void);  /* malloc'd; $XDG_CONFIG_HOME/halqa/scripts or ~/.config/... */
char *hq_chunk_cache_dir(void);   /* malloc'd; $XDG_CACHE_HOME/halqa/chunks or ~/.cache/... */

/* The phone page's folder for the networked classroom: share/halqa/web beside an installed
** binary, else web/ in the source tree; NULL if neither is there. */
const char *hq_default_web_dir(void);

#endif
