# Headless render test: plays a scenario through the real interface with
# scripted choices (SDL dummy video driver, software renderer), then checks
# that the screenshots were written, have the window's size and are not
# blank; optionally compares some of them with committed golden images.
#   cmake -DRAPPORT=exe -DPNG_CHECK=exe -DSCENARIO=file -DSCRIPT=1,2,3
#         -DSIZE=1024x768 -DOUT=dir -DCOUNT=n [-DINPUT=keys|mouse]
#         [-DARGS=extra^^args] [-DGOLDEN_DIR=dir -DGOLDEN=a^^b]
#         [-DUI_LANG=es]   (the interface's language: rapport --lang)
#         -P ui_render.cmake
# RAPPORT_UPDATE_GOLDEN=1 copies the listed screenshots into GOLDEN_DIR.
set(ENV{SDL_VIDEODRIVER} dummy)
if(NOT DEFINED INPUT)
  set(INPUT keys)
endif()
string(REPLACE "^^" ";" ARGS "${ARGS}")
string(REPLACE "^^" ";" GOLDEN "${GOLDEN}")
file(REMOVE_RECURSE "${OUT}")
set(lang_args)
if(DEFINED UI_LANG)
  set(lang_args --lang ${UI_LANG})
endif()
execute_process(
  COMMAND ${RAPPORT} ${lang_args} play ${SCENARIO} --size ${SIZE} --script ${SCRIPT}
          --input ${INPUT} --screenshot-dir ${OUT} ${ARGS}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "rapport play exited ${rc}")
endif()
string(REPLACE "x" ";" wh "${SIZE}")
list(GET wh 0 w)
list(GET wh 1 h)
execute_process(COMMAND ${PNG_CHECK} shots ${OUT} ${COUNT} ${w} ${h}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "screenshots in ${OUT} failed the check")
endif()
foreach(name IN LISTS GOLDEN)
  set(expected "${GOLDEN_DIR}/${name}.png")
  set(actual "${OUT}/${name}.png")
  if("$ENV{RAPPORT_UPDATE_GOLDEN}" STREQUAL "1")
    file(COPY_FILE "${actual}" "${expected}")
    message(STATUS "updated ${expected}")
    continue()
  endif()
  # Software rendering is deterministic; allow a sliver for FreeType or
  # pixman differences between builds of the same libraries.
  execute_process(COMMAND ${PNG_CHECK} compare ${expected} ${actual} 8 2
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${actual} differs from the golden image "
            "${expected} (RAPPORT_UPDATE_GOLDEN=1 ctest -R ui_golden "
            "rewrites it after a deliberate change; look at both first)")
  endif()
endforeach()
