/*
 * model.h - the records juste keeps, as plain structs with fixed buffers.
 *
 * Fixed buffers keep ownership trivial (a record is a value; copying it is
 * `*a = *b`) and bound what a field may hold; the store and the importers
 * refuse text longer than its buffer instead of truncating it.  An empty
 * string stands for an absent date or code; 0 for an absent id or amount
 * (the schema forbids 0 as a real value of those).
 */
#ifndef JUSTE_MODEL_H
#define JUSTE_MODEL_H

#include <stdint.h>

#define UUID_LEN   37
#define LOGIN_LEN  65
#define CODE_LEN   33
#define NAME_LEN   256
#define ISO_LEN    11   /* "2020-03-31" */
#define EMAIL_LEN  256
#define ADDR_LEN   512
#define NOTE_LEN   2048
#define WORD_LEN   16   /* enum-like words: role, category, billing */

struct expert {
	int64_t id;
	char uuid[UUID_LEN];
	char login[LOGIN_LEN];
	char name[NAME_LEN];
	char function[WORD_LEN];   /* professionnel | formateur | direction */
	char role[WORD_LEN];       /* expert | commis | gestionnaire | admin */
	int weekly_minutes;        /* capacity; 35 h = 2100 by default */
	char started_on[ISO_LEN];
	char left_on[ISO_LEN];
};

struct org {
	int64_t id;
	char uuid[UUID_LEN];
	char code[CODE_LEN];
	char name[NAME_LEN];
	char category[WORD_LEN];   /* membre | auxiliaire | soutien | non_membre */
	char parent[CODE_LEN];     /* code of the parent network, or "" */
	int full_management;       /* sous entière gestion */
	int tax_exempt;
	char joined_on[ISO_LEN];
	char left_on[ISO_LEN];
	char email[EMAIL_LEN];
	char address[ADDR_LEN];
};

/* Services (domains of expertise) and funding programs have the same shape. */
struct refitem {
	int64_t id;
	char uuid[UUID_LEN];
	char code[CODE_LEN];
	char name[NAME_LEN];
};

struct mandate {
	int64_t id;
	char uuid[UUID_LEN];
	char code[CODE_LEN];
	char title[NAME_LEN];
	char client[CODE_LEN];        /* org code billed */
	char beneficiary[CODE_LEN];   /* org code served; defaults to client */
	char service[CODE_LEN];
	char program[CODE_LEN];       /* funding program code, or "" */
	char billing[WORD_LEN];       /* horaire | forfait | non_facturable */
	int64_t monthly_fee_cents;    /* forfait only; 0 otherwise */
	int64_t budget_minutes;       /* 0 = no budget in hours */
	int64_t budget_cents;         /* 0 = no budget in dollars */
	char opened_on[ISO_LEN];
	char closed_on[ISO_LEN];
	/* filled by reads, ignored by writes */
	int64_t client_id, beneficiary_id, service_id, program_id;
	char client_name[NAME_LEN];
};

struct entry {
	int64_t id;
	char uuid[UUID_LEN];
	char expert[LOGIN_LEN];       /* expert login */
	char mandate[CODE_LEN];       /* mandate code */
	char work_date[ISO_LEN];
	int minutes;
	char note[NOTE_LEN];
	/* filled by reads */
	int64_t expert_id, mandate_id;
	char client[CODE_LEN];
	char billing[WORD_LEN];
};

/* Roles as bits, so that a command states the set it allows. */
enum role_bit {
	ROLE_EXPERT = 1 << 0,
	ROLE_COMMIS = 1 << 1,
	ROLE_GESTIONNAIRE = 1 << 2,
	ROLE_ADMIN = 1 << 3,
	ROLE_ANY = 0xf,
	ROLE_OFFICE = ROLE_COMMIS | ROLE_GESTIONNAIRE | ROLE_ADMIN
};

/* Validation of the enum-like words; the schema's CHECKs say the same. */
int model_role_bit(const char *role);          /* 0 when unknown */
int model_function_valid(const char *function);
int model_category_valid(const char *category);
int model_billing_valid(const char *billing);

#endif
