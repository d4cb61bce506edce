# Plays every extreme play `rapport lint` prints for a scenario (best and
# worst, per dimension and overall) with `rapport run --choices` and checks
# that the debrief shows the score lint promised.
#   cmake -DRAPPORT=exe -DSCENARIO=file.xml -P lint_best_play.cmake
execute_process(COMMAND ${RAPPORT} lint --format json ${SCENARIO}
  OUTPUT_VARIABLE lint ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "rapport lint ${SCENARIO} exited ${rc}\n${err}")
endif()
string(JSON exact GET "${lint}" files 0 analysis exact)
if(NOT exact)
  message(FATAL_ERROR "the analysis of ${SCENARIO} is not exact")
endif()
foreach(score empathy honesty promptness overall)
  foreach(which best worst)
    string(JSON script GET "${lint}" files 0 analysis scores ${score}
           ${which} choices)
    string(JSON expected GET "${lint}" files 0 analysis scores ${score}
           ${which} score)
    execute_process(
      COMMAND ${RAPPORT} run ${SCENARIO} --choices ${script} --format json
      OUTPUT_VARIABLE run ERROR_VARIABLE err RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "rapport run --choices ${script} exited ${rc}\n"
                          "${err}")
    endif()
    string(JSON actual GET "${run}" scores ${score})
    if(NOT actual EQUAL expected)
      message(FATAL_ERROR "${which} ${score}: lint says ${expected} with "
                          "--choices ${script}, rapport run gives ${actual}")
    endif()
    message(STATUS "${which} ${score} ${expected}: --choices ${script}")
  endforeach()
endforeach()
