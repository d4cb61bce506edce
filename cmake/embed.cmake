# Turns a file into a C array: cmake -DIN=file -DOUT=out.c -DNAME=sym
#   [-DHEADER=header.h] -P embed.cmake   (HEADER: the declarations; by
#   default schema_data.h)
if(NOT DEFINED HEADER)
  set(HEADER schema_data.h)
endif()
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n    " bytes "${bytes}")
file(WRITE "${OUT}.tmp" "/* Generated from ${IN} by cmake/embed.cmake; do not edit. */\n#include \"${HEADER}\"\n\nconst unsigned char ${NAME}[] = {\n    ${bytes}0x00};\nconst unsigned long ${NAME}_len = ${size};\n")
file(RENAME "${OUT}.tmp" "${OUT}")
