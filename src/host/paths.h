/* paths.h: where halqa finds its data and scripts, and where it keeps the user's files. */
#ifndef HALQA_PATHS_H
#define HALQA_PATHS_H

char *hq_user_scripts_dir(void);  /* malloc'd; $XDG_CONFIG_HOME/halqa/scripts or ~/.config/... */

#endif
