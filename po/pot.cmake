# Extracts the interface's strings from src/ (cmake -P, run from the pot
# target and the pot_current test).
#   -DSOURCE_DIR=...  the project
#   -DOUT=FILE        where to write the template
#   -DXGETTEXT=... -DMSGMERGE=...
#   -DMODE=update     write po/rapport.pot and merge it into every po/LANG.po
#   -DMODE=check      fail when po/rapport.pot lacks a string of the sources
#                     (or keeps one they no longer have), or a catalogue
#                     leaves a string untranslated or fuzzy
file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/src/*.c)
list(SORT sources)
execute_process(
  COMMAND ${XGETTEXT} --from-code=UTF-8 --language=C --keyword=_
          --keyword=N_ --keyword=P_:1,2 --keyword=C_:1c,2
          # diagnostics: the format is translated where it is stored (diag.h)
          --keyword=diag_add:6 --flag=diag_add:6:c-format
          --keyword=xmldoc_error_at:5 --flag=xmldoc_error_at:5:c-format
          --keyword=xmldoc_emit:5 --flag=xmldoc_emit:5:c-format
          --keyword=xmldoc_scan_error:3 --flag=xmldoc_scan_error:3:c-format
          --keyword=diag_addn:7,8 --flag=diag_addn:7:c-format
          --flag=diag_addn:8:c-format
          --keyword=plan_fail:4 --flag=plan_fail:4:c-format
          --keyword=plan_failn:5,6 --flag=plan_failn:5:c-format
          --flag=plan_failn:6:c-format
          --keyword=result_rd_error:2 --flag=result_rd_error:2:c-format
          --keyword=jsonl_error:2 --flag=jsonl_error:2:c-format
          --keyword=phone_err:3 --flag=phone_err:3:c-format
          --keyword=phone_journal_err:3 --flag=phone_journal_err:3:c-format
          --keyword=xlate_text_report:4 --flag=xlate_text_report:4:c-format
          --keyword=xlate_file_report:4 --flag=xlate_file_report:4:c-format
          --add-comments=TRANSLATORS:
          --sort-by-file --package-name=rapport
          --msgid-bugs-address=https://github.com/rapport/rapport/issues
          --copyright-holder=Rapport --output=${OUT} ${sources}
  WORKING_DIRECTORY ${SOURCE_DIR}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xgettext failed")
endif()

# The msgids of a .po/.pot file, one per list element (plural ids joined).
function(po_ids file out)
  file(READ ${file} text)
  string(REGEX MATCHALL "\nmsgid \"[^\n]*\"(\n\"[^\n]*\")*" ids "${text}")
  list(FILTER ids EXCLUDE REGEX "^\nmsgid \"\"$")
  list(SORT ids)
  set(${out} "${ids}" PARENT_SCOPE)
endfunction()

file(STRINGS ${SOURCE_DIR}/po/LINGUAS linguas REGEX "^[^#]")
if(MODE STREQUAL "update")
  file(COPY_FILE ${OUT} ${SOURCE_DIR}/po/rapport.pot)
  foreach(lang ${linguas})
    execute_process(
      COMMAND ${MSGMERGE} --quiet --update --backup=none --no-fuzzy-matching
              ${SOURCE_DIR}/po/${lang}.po ${SOURCE_DIR}/po/rapport.pot
      RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "msgmerge failed on po/${lang}.po")
    endif()
  endforeach()
  return()
endif()

po_ids(${OUT} fresh)
po_ids(${SOURCE_DIR}/po/rapport.pot kept)
set(missing ${fresh})
list(REMOVE_ITEM missing ${kept})
set(stale ${kept})
list(REMOVE_ITEM stale ${fresh})
set(bad FALSE)
foreach(id ${missing})
  message("po/rapport.pot lacks:${id}")
  set(bad TRUE)
endforeach()
foreach(id ${stale})
  message("po/rapport.pot keeps a string the sources no longer have:${id}")
  set(bad TRUE)
endforeach()
if(bad)
  message(FATAL_ERROR "po/rapport.pot is out of date: run "
          "`cmake --build build --target pot` and translate what it adds")
endif()
foreach(lang ${linguas})
  po_ids(${SOURCE_DIR}/po/${lang}.po ids)
  if(NOT ids STREQUAL fresh)
    message(FATAL_ERROR "po/${lang}.po does not have the template's strings: "
            "run `cmake --build build --target pot`")
  endif()
  file(READ ${SOURCE_DIR}/po/${lang}.po text)
  if(text MATCHES "\n#, [^\n]*fuzzy")
    message(FATAL_ERROR "po/${lang}.po has fuzzy translations: check them "
            "and remove the fuzzy flag")
  endif()
  if(text MATCHES "\nmsgstr \"\"\n\n" OR text MATCHES "\nmsgstr \"\"$"
     OR text MATCHES "\nmsgstr\\[[0-9]\\] \"\"\n\n")
    message(FATAL_ERROR "po/${lang}.po leaves strings untranslated")
  endif()
endforeach()
message("po/rapport.pot current; catalogues complete: ${linguas}")
