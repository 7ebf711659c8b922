/*
 * views.c - the registry of screens, in F-key order.  Later screens
 * (Facturation F3, Utilisation F4, Données F5, Rapport F6) are added here.
 */
#include "tui/view.h"

const struct view *const tui_views[] = {
	&view_week,
	&view_billing,
	&view_util,
	&view_data,
	&view_report,
};

const int tui_nviews = (int)(sizeof tui_views / sizeof tui_views[0]);
