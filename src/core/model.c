/*
 * model.c - the enum-like words of the records (model.h): roles, functions,
 * client categories and billing modes, as the schema's CHECKs spell them.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "juste/model.h"

static bool word_in(const char *w, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(w, *list) == 0)
			return true;
	return false;
}

int model_role_bit(const char *role)
{
	static const struct { const char *name; int bit; } roles[] = {
		{ "expert", ROLE_EXPERT }, { "commis", ROLE_COMMIS },
		{ "gestionnaire", ROLE_GESTIONNAIRE }, { "admin", ROLE_ADMIN },
	};

	if (role == NULL)
		return 0;
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (strcmp(role, roles[i].name) == 0)
			return roles[i].bit;
	return 0;
}

int model_function_valid(const char *function)
{
	static const char *const list[] = { "professionnel", "formateur", "direction", NULL };

	return function != NULL && word_in(function, list);
}

int model_category_valid(const char *category)
{
	static const char *const list[] = { "membre", "auxiliaire", "soutien", "non_membre", NULL };

	return category != NULL && word_in(category, list);
}

int model_billing_valid(const char *billing)
{
	static const char *const list[] = { "horaire", "forfait", "non_facturable", NULL };

	return billing != NULL && word_in(billing, list);
}
