#!/bin/sh
# lang_cli.sh RAPPORT SCENARIOS WORKDIR -- the command line and the saved
# results in another language: a Spanish run's debrief with its decimal
# comma, an Arabic result page right to left (lang="ar" dir="rtl", its
# headings in Arabic, the English scenario's words marked lang="en"), a
# Spanish class report with "80 %" spacing, a Spanish recover message,
# an Arabic class debrief and class page (right to left), the cheat sheet
# in Spanish (text) and Arabic (a right-to-left page), the checker's
# diagnostics in Spanish and Arabic, and English unchanged with --lang en.
set -u
rapport=$1
scenarios=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
fail=0
check() { # what file pattern
    if ! grep -q -- "$3" "$2"; then
        echo "FAIL: $1: no '$3' in $2"
        fail=1
    fi
}
export RAPPORT_FIXED_TIME=1700000000
scenario="$scenarios/billing-error.xml"

"$rapport" --lang es run "$scenario" --choices best --times 4.5,3.25 \
    >"$work/es.txt" 2>&1 || { echo "FAIL: es run"; fail=1; }
check "Spanish debrief" "$work/es.txt" "^INFORME FINAL DE RAPPORT"
check "Spanish turn" "$work/es.txt" "^Turno 1 de "
check "decimal comma" "$work/es.txt" "Tiempo: *4,5 s (objetivo "
check "Spanish band" "$work/es.txt" "excelente, aprobado (nota mínima 70)"

"$rapport" --lang ar run "$scenario" --choices best --results "$work/ar" \
    --trainee Salma >"$work/ar.txt" 2>&1 || { echo "FAIL: ar run"; fail=1; }
check "Arabic debrief" "$work/ar.txt" "التقييم الختامي"
html=$(ls "$work"/ar/*.html 2>/dev/null | head -n 1)
if [ -z "$html" ]; then
    echo "FAIL: no HTML result saved"
    fail=1
else
    check "RTL page" "$html" '<html lang="ar" dir="rtl">'
    check "Arabic heading" "$html" "<h2>نقاط القوة</h2>"
    check "scenario words keep their language" "$html" '<span lang="en" dir="auto">'
    check "Arabic seconds" "$html" '[0-9]\.[0-9] ث'
fi

"$rapport" --lang es report --quiet --html "$work/report.html" "$work/ar" \
    >"$work/report.out" 2>&1 || { echo "FAIL: es report"; fail=1; }
check "Spanish report page" "$work/report.html" '<html lang="es">'
check "Spanish report heading" "$work/report.html" "Informe de clase de Rapport"
check "percent spacing" "$work/report.html" "1 de 1 (100 %)"

mkdir -p "$work/empty"
"$rapport" --lang es recover --results "$work/empty" >"$work/recover.txt" 2>&1
check "Spanish recover" "$work/recover.txt" "no hay sesiones interrumpidas"

"$rapport" --lang ar class "$scenario" \
    --script "$(dirname "$0")/data/class/billing-whole.script" \
    --results "$work/class" >"$work/class.txt" 2>"$work/class.err" ||
    { echo "FAIL: ar class: $(cat "$work/class.err")"; fail=1; }
check "Arabic class debrief" "$work/class.txt" "^التقييم الختامي للصف: "
check "Arabic class scores" "$work/class.txt" "^  التعاطف"
chtml=$(ls "$work"/class/*.html 2>/dev/null | head -n 1)
if [ -z "$chtml" ]; then
    echo "FAIL: no class HTML saved"
    fail=1
else
    check "RTL class page" "$chtml" '<html lang="ar" dir="rtl">'
    check "Arabic class heading" "$chtml" "<h2>المسار الذي سلكته القاعة</h2>"
fi

# The facilitator's cheat sheet in the interface's language.
"$rapport" --lang es class --cheatsheet=text >"$work/cheat-es.txt" ||
    { echo "FAIL: es cheat sheet"; fail=1; }
check "Spanish cheat sheet" "$work/cheat-es.txt" "^| Teclas | Qué hace |"
check "Spanish cheat sheet row" "$work/cheat-es.txt" "^| AvPág (Siguiente) | abre la votación |"
"$rapport" --lang ar class --cheatsheet >"$work/cheat-ar.html" ||
    { echo "FAIL: ar cheat sheet"; fail=1; }
check "RTL cheat sheet" "$work/cheat-ar.html" '<html lang="ar" dir="rtl">'
check "Arabic cheat sheet" "$work/cheat-ar.html" "<h2>تسجيل التصويت</h2>"

# The checker's diagnostics: translated messages, with the position and
# the words error:/warning: that editors and CI jobs read kept as they are.
data="$(dirname "$0")/data"
"$rapport" --lang es validate "$data/four-problems.xml" >"$work/val-es.txt" 2>&1
check "Spanish diagnostic" "$work/val-es.txt" \
    "four-problems.xml:23:9: error: id 'middle' repetido: la línea 19 ya lo define"
check "Spanish type rule" "$work/val-es.txt" \
    "12:34: error: <choice>, atributo 'empathy': 'high' no es válido (las valoraciones son números enteros de -10 a 10)"
"$rapport" --lang ar validate "$data/four-problems.xml" >"$work/val-ar.txt" 2>&1
check "Arabic diagnostic" "$work/val-ar.txt" \
    "four-problems.xml:27:3: warning: لا يمكن أبدًا بلوغ العقدة «orphan» من عقدة البداية «start»"
"$rapport" --lang es test "$data/failing.plan.xml" >"$work/plan-es.txt" 2>&1
check "Spanish plan failure" "$work/plan-es.txt" \
    "failing.plan.xml:9:13: error: caso 'best path': se esperaba el resultado resolved, se obtuvo lost"
"$rapport" --lang ar lint "$data/lint-problems.xml" >"$work/lint-ar.txt" 2>&1
check "Arabic cue warning" "$work/lint-ar.txt" \
    "lint-problems.xml:4:1: warning: دائمًا الرد الأطول (--choices 1,1,1,1)"

# The phones' start-up errors for the facilitator follow the language too.
"$rapport" --lang es class "$scenario" --phones --address 1.2.3 \
    --script /dev/null >"$work/phones-es.txt" 2>&1
check "Spanish phones error" "$work/phones-es.txt" \
    "'1.2.3' no es una dirección IPv4 (como 192.168.1.20)"

"$rapport" --lang en run "$scenario" --choices best --times 4.5 \
    >"$work/en.txt" 2>&1 || { echo "FAIL: en run"; fail=1; }
check "English unchanged" "$work/en.txt" "Time: *4.5 s (target "
exit $fail
