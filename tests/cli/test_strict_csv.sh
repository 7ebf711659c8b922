#!/usr/bin/env bash
# test_strict_csv.sh - the small CSV imports (rate tables, cost inputs,
# finance figures, business development) refuse what would change a value
# silently, as the fuzzers found them doing: a NUL byte (a rate of
# "50\0.99" sealed as 50,00 $/h, a header "fy\0KK" read as "fy"), bytes
# that are not UTF-8, and a record with more or fewer fields than the
# header (an extra column ignored).  Each refusal names FILE:LINE and
# writes nothing; the same file without the fault is imported.
export JUSTE_TODAY=2020-06-15
. "$(dirname "$0")/lib.sh"

"$JUSTE" --db "$DB" init >/dev/null || { not_ok "init"; finish; }
printf 'code,name\nCONS,Conseil\nFORM,Formation\n' > "$T/services.csv"
j import services "$T/services.csv"; expect_rc 0 "services imported"

# Every table these imports write, and both audit logs.
fingerprint() {
  sql "SELECT (SELECT count(*) FROM rate_tables) || ' ' || (SELECT count(*) FROM rate_rows) || ' ' ||
    (SELECT count(*) FROM cost_years) || ' ' || (SELECT count(*) FROM cost_levels) || ' ' ||
    (SELECT count(*) FROM finance_years) || ' ' || (SELECT count(*) FROM devaffaires) || ' ' ||
    (SELECT count(*) FROM audit) || ' ' || (SELECT count(*) FROM report_audit)"
}

# refused WHAT LINE COMMAND... : exit 1, "FILE:LINE:" on stderr, nothing written
refused() {
  local what=$1 line=$2 file=$3
  shift 3
  local before
  before=$(fingerprint)
  j "$@" "$file"
  expect_rc 1 "$what: refused"
  expect_err "$file:$line:" "$what: the message names $(basename "$file"):$line"
  expect_eq "$(fingerprint)" "$before" "$what: nothing written"
}

# --- rate tables ------------------------------------------------------
H='valid_from,service,category,rate'
printf '%s\n2020-04-01,CONS,membre,95.00\n2020-04-01,CONS,soutien,50\0.99\n' "$H" > "$T/rate_nul.csv"
refused "rate with a NUL byte" 3 "$T/rate_nul.csv" rate import
printf '%s\n2020-04-01,CONS,membre,95.00\n2020-04-01,FORM,membre,9\3515\n' "$H" > "$T/rate_utf8.csv"
refused "rate not in UTF-8" 3 "$T/rate_utf8.csv" rate import
printf '%s\n2020-04-01,CONS,membre,95.00\n2020-04-01,CONS,soutien,99.00\n' "$H" > "$T/rate_ok.csv"
j rate import "$T/rate_ok.csv"; expect_rc 0 "the same table without the NUL is imported"
expect_eq "$(sql "SELECT count(*) FROM rate_rows")" 2 "…with its two rates"

# --- cost inputs ------------------------------------------------------
H='fy,item,code,services,headcount,salary_mass,benefits_rate,hours_per_expert,amount'
cost() { # the rows of a cost file, with the header
  printf '%s\n2019-2020,level,conseil,CONS FORM,2,120000.00,20,1100,\n%s\n2019-2020,surplus,excedent,,,,,,500\n' "$H" "$1"
}
cost '2019-2020,overhead,loyer,,,,,,10000,' > "$T/cost_extra.csv"
refused "cost row with an extra field" 3 "$T/cost_extra.csv" cost import
cost '2019-2020,overhead,loyer,,,,,,10000' > "$T/cost_ok.csv"
printf '%s\n2019-2020,level,conseil,CONS FORM,2,120000.00,20,1100,\n2019-2020,overhead,loyer\0,,,,,,10000\n2019-2020,surplus,excedent,,,,,,500\n' "$H" > "$T/cost_nul.csv"
refused "cost label with a NUL byte" 3 "$T/cost_nul.csv" cost import
j cost import "$T/cost_ok.csv"; expect_rc 0 "the cost file without the fault is imported"

# --- finance figures --------------------------------------------------
printf 'fy\0KK\n' > "$T/fin_nul.csv"
refused "finance header with a NUL byte (read as fy)" 1 "$T/fin_nul.csv" finance import
printf 'fy,actual_products\n2018-2019,250\n2019-2020,300,12\n' > "$T/fin_extra.csv"
refused "finance row with an extra field" 3 "$T/fin_extra.csv" finance import
printf 'fy,actual_products,actual_expenses\n2018-2019,250,240\n2019-2020,300\n' > "$T/fin_short.csv"
refused "finance row with a field missing" 3 "$T/fin_short.csv" finance import
printf 'fy,actual_products\n2018-2019,250\n2019-2020,300\n' > "$T/fin_ok.csv"
j finance import "$T/fin_ok.csv"; expect_rc 0 "the finance file without the fault is imported"

# --- business development ---------------------------------------------
H='date,kind,partner,name'
printf '%s\n2019-06-01,evenement,reseaux,Assises\n2019-06-02,rencontre,obnl,Qu\351bec\n' "$H" > "$T/dev_utf8.csv"
refused "business development not in UTF-8" 3 "$T/dev_utf8.csv" devaffaires import
printf '%s\n2019-06-01,evenement,reseaux,Assises,2019-04-01te\n' "$H" > "$T/dev_extra.csv"
refused "business development with an extra field" 2 "$T/dev_extra.csv" devaffaires import
printf '%s\n2019-06-01,evenement,reseaux,Assises\n2019-06-02,rencontre,obnl,Québec\n' "$H" > "$T/dev_ok.csv"
j devaffaires import "$T/dev_ok.csv"; expect_rc 0 "the business development file without the fault is imported"

finish
