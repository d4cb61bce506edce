# `rapport run --results`: the files saved, their names and validity, and a
# save that fails after the debrief has been printed.
#   cmake -DRAPPORT=exe -DSCENARIO=file -DESCAPING=file -DWORK=dir
#         -DMODE=save|fail|default|usage [-DXMLLINT=xmllint]
#         -P result_cli.cmake
set(trainee "Zoë \"Z\" <O'Brien> & Σωκράτης Пётр")
set(base "20231114-221320-zo-z-o-brien-billing-error")
set(ENV{RAPPORT_FIXED_TIME} 1700000000)
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(run ${RAPPORT} run ${SCENARIO} --choices 2,3,2,2,2,2
        --times 6,12.5,9,30,7,8)

function(expect_contains what text needle)
  string(FIND "${text}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${what} lacks \"${needle}\":\n${text}")
  endif()
endfunction()

if(MODE STREQUAL "save")
  foreach(nn 01 02)
    execute_process(COMMAND ${run} --results ${WORK}/results/class-1
                            --trainee ${trainee}
      RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "rapport run --results exited ${rc}:\n${err}")
    endif()
    expect_contains(stdout "${out}" "RAPPORT DEBRIEF")
    foreach(ext json html xapi.json)
      set(file ${WORK}/results/class-1/${base}-${nn}.${ext})
      expect_contains(stderr "${err}" "saved: ${file}\n")
      if(NOT EXISTS ${file})
        message(FATAL_ERROR "${file} was not saved")
      endif()
    endforeach()
  endforeach()
  file(GLOB saved RELATIVE ${WORK}/results/class-1 ${WORK}/results/class-1/*
       ${WORK}/results/class-1/.*)
  list(LENGTH saved count)
  if(NOT count EQUAL 6)
    message(FATAL_ERROR "expected 6 files, found: ${saved}")
  endif()

  # The record reads back; the statements are an array of 2 + 6 turns.
  file(READ ${WORK}/results/class-1/${base}-01.json record)
  string(JSON format GET "${record}" format)
  string(JSON who GET "${record}" trainee)
  string(JSON started GET "${record}" started)
  string(JSON turns LENGTH "${record}" transcript)
  if(NOT format STREQUAL "rapport-result" OR NOT who STREQUAL trainee OR
     NOT started STREQUAL "2023-11-14T22:13:20.000Z" OR NOT turns EQUAL 6)
    message(FATAL_ERROR "unexpected record:\n${record}")
  endif()
  file(READ ${WORK}/results/class-1/${base}-01.xapi.json xapi)
  string(JSON statements LENGTH "${xapi}")
  string(JSON actor GET "${xapi}" 0 actor name)
  if(NOT statements EQUAL 8 OR NOT actor STREQUAL trainee)
    message(FATAL_ERROR "unexpected statements:\n${xapi}")
  endif()

  # The report is HTML libxml2 reads without a single complaint.
  if(NOT XMLLINT)
    message(FATAL_ERROR "xmllint not found (sh .ci/install-deps installs "
                        "libxml2-utils)")
  endif()
  execute_process(COMMAND ${XMLLINT} --html --noout
                          ${WORK}/results/class-1/${base}-01.html
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT "${out}${err}" STREQUAL "")
    message(FATAL_ERROR "xmllint --html --noout: exit ${rc}\n${out}${err}")
  endif()
  # Markup, quotes and other scripts in every text of the scenario too.
  execute_process(COMMAND ${RAPPORT} run ${ESCAPING} --choices 2
                          --results ${WORK}/results/escaping
                          --trainee ${trainee}
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "rapport run ${ESCAPING} exited ${rc}:\n${err}")
  endif()
  execute_process(COMMAND ${XMLLINT} --html --noout
    ${WORK}/results/escaping/20231114-221320-zo-z-o-brien-escaping-01.html
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT "${out}${err}" STREQUAL "")
    message(FATAL_ERROR "xmllint --html --noout: exit ${rc}\n${out}${err}")
  endif()
  message(STATUS "xmllint --html --noout: clean")
elseif(MODE STREQUAL "fail")
  # The folder cannot be created (a file is in the way): the debrief is
  # still printed in full, then a clear error, exit 1, nothing left.
  file(WRITE ${WORK}/not-a-folder "x")
  execute_process(COMMAND ${run} --results ${WORK}/not-a-folder
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 1)
    message(FATAL_ERROR "expected exit 1, got ${rc}:\n${err}")
  endif()
  expect_contains(stdout "${out}" "PRINCIPLES")
  expect_contains(stderr "${err}"
    "rapport run: error: cannot save results in ${WORK}/not-a-folder: Not a "
    "directory; the debrief above is complete, choose another folder with "
    "--results\n")
  file(GLOB left RELATIVE ${WORK} ${WORK}/* ${WORK}/.*)
  if(NOT left STREQUAL "not-a-folder")
    message(FATAL_ERROR "files left behind: ${left}")
  endif()
elseif(MODE STREQUAL "default")
  # Without --results, `rapport run` saves nothing anywhere.
  execute_process(COMMAND ${run} WORKING_DIRECTORY ${WORK}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  file(GLOB left ${WORK}/* ${WORK}/.*)
  string(FIND "${err}" "saved:" saved_at)
  if(NOT rc EQUAL 0 OR left OR NOT saved_at EQUAL -1)
    message(FATAL_ERROR "exit ${rc}, files: ${left}\n${err}")
  endif()
elseif(MODE STREQUAL "usage")
  execute_process(COMMAND ${run} --trainee Ana
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  expect_contains(stderr "${err}" "--trainee only names the trainee")
  if(NOT rc EQUAL 2)
    message(FATAL_ERROR "--trainee without --results: exit ${rc}")
  endif()
  set(ENV{RAPPORT_FIXED_TIME} "soon")
  execute_process(COMMAND ${run} --results ${WORK}/r
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  expect_contains(stderr "${err}" "RAPPORT_FIXED_TIME must be whole seconds")
  if(NOT rc EQUAL 2 OR EXISTS ${WORK}/r)
    message(FATAL_ERROR "bad RAPPORT_FIXED_TIME: exit ${rc}")
  endif()
else()
  message(FATAL_ERROR "unknown MODE '${MODE}'")
endif()
