# rapport test's usage errors (exit 2) and help (exit 0).
#   cmake -DRAPPORT=exe -DDATA=tests/data -DWORK=dir -P plan_cli.cmake
function(expect rc regex)
  execute_process(COMMAND ${RAPPORT} ${ARGN}
    RESULT_VARIABLE got OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT got EQUAL rc)
    message(FATAL_ERROR "rapport ${ARGN}: exit ${got}, expected ${rc}\n${out}${err}")
  endif()
  if(NOT "${out}${err}" MATCHES "${regex}")
    message(FATAL_ERROR "rapport ${ARGN}: no '${regex}' in\n${out}${err}")
  endif()
endfunction()
expect(2 "give at least one PLAN" test)
expect(2 "--format must be text or json, not 'xml'"
       test --format xml ${DATA}/failing.plan.xml)
expect(2 "Usage: rapport test" test --bogus ${DATA}/failing.plan.xml)
expect(0 "Usage: rapport test \\[OPTIONS\\] PLAN" test --help)
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/empty")
expect(1 "no \\*\\.plan\\.xml files here" test ${WORK}/empty)
expect(1 "cannot open the file: no such file" test ${DATA}/missing.plan.xml)
expect(1 "root element must be <plan xmlns"
       test ${DATA}/tiny.xml)
