# Golden images of the class window with the phones' panel
# (test_class_phones_ui, SDL dummy driver, software renderer): the turn
# screen with the big join code, the vote screen with the compact panel,
# and a teams-mode vote with short options. The test runs (its own
# checks, pixels read back), then the screenshots at 1024x768 and
# 1920x1080 are compared with the committed images within a small
# tolerance. 3840x2160 is rendered too (look at it; not compared).
#   cmake -DTEST=test_class_phones_ui -DPNG_CHECK=png_check -DOUT=dir
#         -DGOLDEN_DIR=dir -P class_phones_render.cmake
# RAPPORT_UPDATE_GOLDEN=1 copies the screenshots into GOLDEN_DIR.
set(ENV{SDL_VIDEODRIVER} dummy)
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
execute_process(COMMAND ${TEST} ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "test_class_phones_ui failed (${rc})")
endif()
foreach(shot phones-turn-1024x768 phones-turn-1920x1080
             phones-vote-1024x768 phones-vote-1920x1080
             phones-teams-1024x768 phones-teams-1920x1080)
  set(expected "${GOLDEN_DIR}/${shot}.png")
  set(actual "${OUT}/${shot}.png")
  if("$ENV{RAPPORT_UPDATE_GOLDEN}" STREQUAL "1")
    file(MAKE_DIRECTORY "${GOLDEN_DIR}")
    file(COPY_FILE "${actual}" "${expected}")
    message(STATUS "updated ${expected}")
    continue()
  endif()
  execute_process(COMMAND ${PNG_CHECK} compare ${expected} ${actual} 8 2
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${actual} differs from the golden image "
            "${expected} (RAPPORT_UPDATE_GOLDEN=1 ctest -R class_phones_ui "
            "rewrites it after a deliberate change; look at both first)")
  endif()
endforeach()
