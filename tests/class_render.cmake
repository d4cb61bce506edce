# Golden images of classroom mode: test_class_ui plays a scripted class in
# both modes at one window size (SDL dummy driver, software renderer) and
# saves every screen; the ones listed are compared with the committed
# images within a small tolerance.
#   cmake -DTEST=test_class_ui -DPNG_CHECK=png_check -DSIZE=1024x768
#         -DOUT=dir -DGOLDEN_DIR=dir -DGOLDEN=whole/a^^teams/b
#         [-DUI_LANG=es] -P class_render.cmake
# (UI_LANG: the interface's language, passed on to TEST: test_class_lang.)
# RAPPORT_UPDATE_GOLDEN=1 copies the listed screenshots into GOLDEN_DIR.
set(ENV{SDL_VIDEODRIVER} dummy)
string(REPLACE "^^" ";" GOLDEN "${GOLDEN}")
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}") # its parent may not exist yet
execute_process(COMMAND ${TEST} shots ${OUT} ${SIZE} ${UI_LANG}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the scripted class failed (${rc})")
endif()
foreach(name IN LISTS GOLDEN)
  set(expected "${GOLDEN_DIR}/${name}.png")
  set(actual "${OUT}/${name}.png")
  if("$ENV{RAPPORT_UPDATE_GOLDEN}" STREQUAL "1")
    get_filename_component(dir "${expected}" DIRECTORY)
    file(MAKE_DIRECTORY "${dir}")
    file(COPY_FILE "${actual}" "${expected}")
    message(STATUS "updated ${expected}")
    continue()
  endif()
  execute_process(COMMAND ${PNG_CHECK} compare ${expected} ${actual} 8 2
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${actual} differs from the golden image "
            "${expected} (RAPPORT_UPDATE_GOLDEN=1 ctest -R class_golden "
            "rewrites it after a deliberate change; look at both first)")
  endif()
endforeach()
