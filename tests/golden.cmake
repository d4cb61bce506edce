# Golden test: runs a rapport command and compares its output with a
# committed file.
#   cmake -DRAPPORT=exe -DARGS="run^^file^^--choices^^1,2" -DEXPECTED=file
#         -DACTUAL=file [-DSTREAM=stdout|stderr] [-DEXPECT_RC=0]
#         [-DWORKDIR=dir] -P golden.cmake
# Set RAPPORT_UPDATE_GOLDEN=1 in the environment to rewrite EXPECTED.
string(REPLACE "^^" ";" ARGS "${ARGS}")
if(NOT DEFINED STREAM)
  set(STREAM stdout)
endif()
if(NOT DEFINED EXPECT_RC)
  set(EXPECT_RC 0)
endif()
if(NOT DEFINED WORKDIR)
  set(WORKDIR .)
endif()
get_filename_component(actual_dir "${ACTUAL}" DIRECTORY)
file(MAKE_DIRECTORY "${actual_dir}")
if(STREAM STREQUAL "stderr")
  execute_process(COMMAND ${RAPPORT} ${ARGS}
    WORKING_DIRECTORY "${WORKDIR}"
    ERROR_FILE "${ACTUAL}" OUTPUT_QUIET RESULT_VARIABLE rc)
else()
  execute_process(COMMAND ${RAPPORT} ${ARGS}
    WORKING_DIRECTORY "${WORKDIR}"
    OUTPUT_FILE "${ACTUAL}" ERROR_VARIABLE err RESULT_VARIABLE rc)
endif()
if(NOT rc EQUAL EXPECT_RC)
  message(FATAL_ERROR "rapport ${ARGS} exited ${rc}, expected ${EXPECT_RC}\n${err}")
endif()
if("$ENV{RAPPORT_UPDATE_GOLDEN}" STREQUAL "1")
  file(COPY_FILE "${ACTUAL}" "${EXPECTED}")
  message(STATUS "updated ${EXPECTED}")
  return()
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${EXPECTED}" "${ACTUAL}"
  RESULT_VARIABLE differ)
if(differ)
  find_program(DIFF diff)
  if(DIFF)
    execute_process(COMMAND ${DIFF} -u "${EXPECTED}" "${ACTUAL}")
  endif()
  message(FATAL_ERROR "output differs from ${EXPECTED}\n(actual: ${ACTUAL}; "
                      "RAPPORT_UPDATE_GOLDEN=1 ctest -R golden rewrites it "
                      "after a deliberate change)")
endif()
