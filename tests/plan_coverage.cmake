# Every shipped scenario (scenarios/NAME.xml) has a test plan
# (scenarios/tests/NAME.plan.xml); the plan_NAME tests play them.
#   cmake -DSCENARIOS=dir -P plan_coverage.cmake
file(GLOB scenarios "${SCENARIOS}/*.xml")
if(NOT scenarios)
  message(FATAL_ERROR "no scenarios in ${SCENARIOS}")
endif()
set(missing "")
foreach(path IN LISTS scenarios)
  get_filename_component(name "${path}" NAME_WE)
  if(NOT EXISTS "${SCENARIOS}/tests/${name}.plan.xml")
    string(APPEND missing "  ${path}: no plan scenarios/tests/${name}.plan.xml\n")
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "shipped scenarios without a test plan (see "
                      "scenarios/README.md, \"Test plans\"):\n${missing}")
endif()
list(LENGTH scenarios count)
message(STATUS "${count} scenarios, each with a test plan")
